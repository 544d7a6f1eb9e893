namespace Hostnet.Kube.Http;

/// <summary>
/// How requests are retried on 429 and 5xx (500, 502, 503, 504): up to <see cref="MaxAttempts"/> in all, waiting the
/// server's <c>Retry-After</c> when it sends one (client-go's <c>checkWait</c>), else <see cref="InitialDelay"/> doubled
/// each time; never longer than <see cref="MaxDelay"/>.
/// </summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan InitialDelay, TimeSpan MaxDelay)
{
    public static RetryPolicy Default { get; } = new(5, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

    /// <summary>The wait before attempt <paramref name="nextAttempt"/> (2 for the first retry).</summary>
    public TimeSpan Delay(int nextAttempt, TimeSpan? retryAfter)
    {
        var delay = retryAfter ?? InitialDelay * Math.Pow(2, nextAttempt - 2);
        return delay > MaxDelay ? MaxDelay : delay;
    }
}
