using System.CommandLine;
using Hostnet.Agent;
using Hostnet.Agent.Daemon;
using Hostnet.Cli.Input;
using Hostnet.Core.Reporting;

namespace Hostnet.Cli.Commands;

/// <summary>
/// <c>hostnet agent --once [--node NAME] [--cluster FILE|-] [--format text|json] [--proc-root DIR] [--grace 60s]</c>:
/// what really listens on this node, whose it is, and the node rules HN060–HN063 (docs/agent.md); without
/// <c>--cluster</c> the pods come from the API server. Without <c>--once</c> it is the DaemonSet
/// (<c>[--listen ADDR] [--interval 30s]</c>), wired by <see cref="AgentHost"/>.
/// </summary>
internal static class AgentCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var agent = new AgentOptions();
        var kube = new KubeOptions();
        var command = new Command("agent", "List what listens on this node, whose it is, and what will clash");
        agent.AddTo(command);
        kube.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (agent.Settings(result, environment) is not { } settings)
            {
                return ExitCodes.Invalid;
            }

            if (!result.GetValue(agent.Once))
            {
                return agent.Daemon(result, settings, environment) is { } daemon
                    && await AgentHost.ServeAsync(() => kube.Client(result, environment), daemon.Listen, daemon.Options, settings.Proc, environment.Error, cancellationToken).ConfigureAwait(false)
                    ? ExitCodes.Success
                    : ExitCodes.Invalid;
            }

            var snapshot = result.GetValue(agent.Cluster) is { } path
                ? ClusterInput.Load(path, environment)
                : await LiveSnapshot.ReadOrReportAsync(() => kube.Client(result, environment), environment, showProgress: false, cancellationToken).ConfigureAwait(false);
            if (snapshot is null)
            {
                return ExitCodes.Invalid;
            }

            var report = settings.ScanOnce(snapshot.Pods);
            if (result.GetRequiredValue(agent.Format) == "json")
            {
                NodeReportJsonWriter.Write(report, environment.Output);
            }
            else
            {
                NodeReportTextWriter.Write(report, environment.Output);
            }

            return RunRequest.ThresholdOf(result.GetRequiredValue(agent.FailOn)) is { } threshold && report.Fails(threshold) ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }
}
