using System.CommandLine;
using Hostnet.Cli.Input;
using Hostnet.Cli.Output;
using Hostnet.Core.Audit;
using Hostnet.Core.Reporting;

namespace Hostnet.Cli.Commands;

/// <summary>
/// <c>hostnet audit [--cluster FILE|-] [--format text|json|html] [-o FILE]</c>: the inventory of host-network use of a
/// cluster, the rules on its objects and what its state shows (docs/audit.md). Without <c>--cluster</c> it reads the
/// live cluster of the kubeconfig context, paging through the API as <c>hostnet snapshot</c> does.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var common = new CommonOptions
        {
            Cluster = CommonOptions.ClusterSnapshot("Audit this snapshot (hostnet snapshot, or kubectl get … -o json; - for standard input) instead of the live cluster"),
            Format = CommonOptions.FormatOf("text", "json", "html"),
            Output = CommonOptions.ReportOutput(),
            FailOn = CommonOptions.FailOnOf(),
            Config = CommonOptions.ConfigFile(),
            KubeVersion = CommonOptions.KubeVersionOf("Kubernetes version to mirror (default: the snapshot's server version)"),
        };
        var listeners = new Option<string?>("--listeners") { Description = "Merge what really listens: the node agents' reports (hostnet agent --once --format json, one *.json per node) in this directory", HelpName = "DIR" };
        var kube = new KubeOptions();
        var command = new Command("audit", "Inventory the cluster's host-network use and find what is broken or will break")
        {
            common.Cluster, common.Format, common.Output, common.FailOn, common.Config, common.KubeVersion, listeners,
        };
        kube.AddTo(command);
        command.SetAction((result, cancellationToken) => RunAsync(
            common.Read(result),
            result.GetValue(listeners),
            token => LiveSnapshot.ReadOrReportAsync(() => kube.Client(result, environment), environment, showProgress: true, token),
            environment,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(RunRequest request, string? listenersPath, RunInputs.LiveRead live, CliEnvironment environment, CancellationToken cancellationToken)
    {
        // The agents' reports first: a wrong directory is a usage error before the cluster is listed.
        var listeners = listenersPath is null ? null : AgentReportsInput.Load(listenersPath, environment);
        if ((listenersPath is not null && listeners is null)
            || await RunInputs.LoadAsync(request, environment, live, cancellationToken).ConfigureAwait(false) is not { Cluster: { } snapshot } run)
        {
            return ExitCodes.Invalid;
        }

        var report = Auditor.Audit(snapshot, request.ClusterPath ?? LiveSnapshot.SourceName, run.Options, listeners?.Reports);
        if (request.OutputPath is null)
        {
            AuditWriters.Write(report, request.Format, request.Format == "text" && environment.OutputIsTerminal && !environment.NoColor, environment.Output);
        }
        else if (ReportFile.TryWrite(request.OutputPath, file => AuditWriters.Write(report, request.Format, colour: false, file), environment))
        {
            environment.Error.WriteLine($"hostnet: wrote {request.OutputPath}: {AuditTextWriter.Summary(report)}");
        }
        else
        {
            return ExitCodes.Invalid;
        }

        // A report read only in part is bad input: the audit shows what could be read, and exits as for any bad input.
        return listeners is { Clean: false } ? ExitCodes.Invalid
            : request.Threshold is { } threshold && report.Fails(threshold) ? ExitCodes.Findings : ExitCodes.Success;
    }
}
