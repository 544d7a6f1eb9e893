using System.CommandLine;
using Hostnet.Kube.Config;
using Hostnet.Kube.Http;

namespace Hostnet.Cli.Commands;

/// <summary>
/// The options of commands that talk to the API server (<c>snapshot</c>, <c>audit</c>): <c>--kubeconfig</c>,
/// <c>--context</c> and <c>--request-timeout</c>, resolved as kubectl resolves them (docs/snapshot.md).
/// </summary>
internal sealed class KubeOptions
{
    public Option<string?> Kubeconfig { get; } = new("--kubeconfig") { Description = "Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config)", HelpName = "FILE" };

    public Option<string?> Context { get; } = new("--context") { Description = "The kubeconfig context to use (default: current-context)", HelpName = "NAME" };

    public Option<int> Timeout { get; } = CreateTimeout();

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
            KubeClientOptions.Default with { RequestTimeout = TimeSpan.FromSeconds(result.GetValue(Timeout)) });
    }

    private static Option<int> CreateTimeout()
    {
        var timeout = new Option<int>("--request-timeout")
        {
            Description = "Seconds to wait for each API request",
            DefaultValueFactory = _ => 60,
            HelpName = "SECONDS",
        };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() <= 0)
            {
                result.AddError("--request-timeout must be a positive number of seconds");
            }
        });
        return timeout;
    }
}
