using System.CommandLine;
using Hostnet.Core.Configuration;
using Hostnet.Kube.Config;
using Hostnet.Kube.Http;

namespace Hostnet.Cli.Commands;

/// <summary>
/// The options of commands that talk to the API server (<c>snapshot</c>, <c>audit</c>): <c>--kubeconfig</c>,
/// <c>--context</c> and <c>--request-timeout</c>, resolved as kubectl resolves them (docs/snapshot.md).
/// </summary>
internal sealed class KubeOptions
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config)", HelpName = "FILE" };

    public Option<string?> Context { get; } = new("--context") { Description = "The kubeconfig context to use (default: current-context)", HelpName = "NAME" };

    public Option<TimeSpan?> Timeout { get; } = CreateTimeout();

    public void AddTo(Command command)
    {
        command.Options.Add(Kubeconfig);
        command.Options.Add(Context);
        command.Options.Add(Timeout);
    }

    /// <summary>A client for the chosen context; throws <see cref="KubeConfigException"/> when it cannot be resolved.</summary>
    public KubeApiClient Client(ParseResult result, CliEnvironment environment)
    {
        var kubeconfig = result.GetValue(Kubeconfig);
        var options = new KubeConnectionOptions(
            kubeconfig is null ? null : Path.GetFullPath(kubeconfig, environment.WorkingDirectory),
            result.GetValue(Context),
            environment.GetEnvironmentVariable,
            InClusterConfig.DefaultDirectory,
            environment.InputIsTerminal,
            TimeProvider.System);
        return new KubeApiClient(
            KubeConnectionResolver.Resolve(options),
            KubeClientOptions.Default with { RequestTimeout = result.GetValue(Timeout) ?? DefaultTimeout });
    }

    private static Option<TimeSpan?> CreateTimeout() => new("--request-timeout")
    {
        Description = "How long to wait for each API request, as kubectl takes it: 30 (seconds), 5s, 1m, 1h30m; 0 for no limit (default 60s)",
        HelpName = "DURATION",
        CustomParser = result =>
        {
            var word = result.Tokens.Count == 0 ? string.Empty : result.Tokens[^1].Value;
            if (GoDuration.ParseTimeout(word) is { } duration)
            {
                return duration;
            }

            result.AddError($"--request-timeout '{word}': {GoDuration.InvalidTimeoutMessage}");
            return null;
        },
    };
}
