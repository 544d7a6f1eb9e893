using System.CommandLine;
using Hostnet.Cli.Input;
using Hostnet.Cli.Output;
using Hostnet.Core.Audit;
using Hostnet.Core.Cluster;
using Hostnet.Core.Reporting;
using Hostnet.Kube.Config;
using Hostnet.Kube.Http;

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
        var cluster = new Option<string?>("--cluster") { Description = "Audit this snapshot (hostnet snapshot, or kubectl get … -o json; - for standard input) instead of the live cluster", HelpName = "FILE|-" };
        var format = ChoiceOption.Create("--format", "Output format", "text", ["text", "json", "html"], "-f");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to FILE instead of standard output", HelpName = "FILE" };
        var failOn = ChoiceOption.Create("--fail-on", "Exit 1 when a finding is at or above this severity", "error", ["error", "warning", "info", "none"]);
        var config = new Option<string?>("--config") { Description = "Use this .hostnet.yaml instead of searching upward", HelpName = "FILE" };
        var kubeVersion = new Option<string?>("--kube-version") { HelpName = "1.N", Description = "Kubernetes version to mirror (default: the snapshot's server version)" };
        var kube = new KubeOptions();
        var command = new Command("audit", "Inventory the cluster's host-network use and find what is broken or will break")
        {
            cluster, format, output, failOn, config, kubeVersion,
        };
        kube.AddTo(command);
        command.SetAction((result, cancellationToken) => RunAsync(
            new AuditRequest(
                result.GetValue(cluster),
                result.GetRequiredValue(format),
                result.GetValue(output),
                result.GetRequiredValue(failOn),
                result.GetValue(config),
                result.GetValue(kubeVersion),
                () => kube.Client(result, environment)),
            environment,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(AuditRequest request, CliEnvironment environment, CancellationToken cancellationToken)
    {
        if (AnalysisOptionsLoader.Load(request.ConfigPath, request.KubeVersion, environment) is not { } options)
        {
            return ExitCodes.Invalid;
        }

        var source = request.ClusterPath ?? LiveSnapshot.SourceName;
        var snapshot = request.ClusterPath is null
            ? await ReadLiveAsync(request, environment, cancellationToken).ConfigureAwait(false)
            : ClusterInput.Load(request.ClusterPath, environment);
        if (snapshot is null)
        {
            return ExitCodes.Invalid;
        }

        if (request.KubeVersion is null && snapshot.ServerVersion is { } serverVersion)
        {
            options = options with { KubeVersion = serverVersion };
        }

        var report = Auditor.Audit(snapshot, source, options);
        var colour = request.OutputPath is null && request.Format == "text" && environment.OutputIsTerminal && !environment.NoColor;
        if (request.OutputPath is null)
        {
            Write(report, request.Format, colour, environment.Output);
        }
        else
        {
            try
            {
                var path = Path.GetFullPath(request.OutputPath, environment.WorkingDirectory);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var file = new StreamWriter(path);
                Write(report, request.Format, colour: false, file);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                environment.Error.WriteLine($"hostnet: cannot write {request.OutputPath}: {error.Message}");
                return ExitCodes.Invalid;
            }

            environment.Error.WriteLine($"hostnet: wrote {request.OutputPath}: {AuditTextWriter.Summary(report)}");
        }

        return CheckCommand.Threshold(request.FailOn) is { } threshold && report.Fails(threshold) ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static async Task<ClusterSnapshot?> ReadLiveAsync(AuditRequest request, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var progress = new ProgressBar(environment.Error, environment.ErrorIsTerminal);
        try
        {
            using var client = request.Client();
            var result = await LiveSnapshot.ReadAsync(client, progress.Report, cancellationToken).ConfigureAwait(false);
            progress.Clear();
            return ClusterInput.Report(result, environment);
        }
        catch (Exception error) when (error is KubeConfigException or KubeApiException or IOException)
        {
            progress.Clear();
            environment.Error.WriteLine($"hostnet: {error.Message}");
            return null;
        }
    }

    private static void Write(AuditReport report, string format, bool colour, TextWriter output)
    {
        switch (format)
        {
            case "json":
                AuditJsonWriter.Write(report, output);
                break;
            case "html":
                AuditHtmlWriter.Write(report, output);
                break;
            default:
                AuditTextWriter.Write(report, output, colour);
                break;
        }
    }

    private sealed record AuditRequest(
        string? ClusterPath,
        string Format,
        string? OutputPath,
        string FailOn,
        string? ConfigPath,
        string? KubeVersion,
        Func<KubeApiClient> Client);
}
