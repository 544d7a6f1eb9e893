namespace Hostnet.Kube.Http;

/// <summary>How patient the client is.</summary>
/// <param name="RequestTimeout">For one attempt, from sending the request to reading the whole answer (kubectl's <c>--request-timeout</c>).</param>
/// <param name="TimeProvider">Clock for retry waits, timeouts and credential expiry.</param>
public sealed record KubeClientOptions(TimeSpan RequestTimeout, RetryPolicy Retry, TimeProvider TimeProvider)
{
    public static KubeClientOptions Default { get; } = new(TimeSpan.FromSeconds(60), RetryPolicy.Default, TimeProvider.System);
}
