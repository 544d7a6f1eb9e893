using System.CommandLine;
using Hostnet.Cli.Output;
using Hostnet.Core.Reporting;
using Hostnet.Kube.Config;
using Hostnet.Kube.Http;
using Hostnet.Kube.Snapshot;

namespace Hostnet.Cli.Commands;

/// <summary>
/// <c>hostnet snapshot [-o FILE]</c>: reads the cluster of the current kubeconfig context (or the pod's service account)
/// and writes the objects hostnet uses as one kubectl-style <c>List</c>, the input of <c>plan --cluster</c> and
/// <c>audit --cluster</c>. docs/snapshot.md.
/// </summary>
internal static class SnapshotCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var output = CommonOptions.ReportOutput("Write the snapshot to FILE (gzip when it ends with .gz) instead of standard output");
        var gzip = new Option<bool>("--gzip") { Description = "Compress the snapshot with gzip (needs --output)" };
        var kube = new KubeOptions();
        var command = new Command("snapshot", "Save the cluster's nodes, pods, services and workloads for plan --cluster and audit")
        {
            output, gzip,
        };
        kube.AddTo(command);
        command.SetAction((result, cancellationToken) => RunAsync(
            new SnapshotRequest(result.GetValue(output), result.GetValue(gzip), () => kube.Client(result, environment)),
            environment,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(SnapshotRequest request, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var compress = request.Gzip || (request.OutputPath?.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ?? false);
        if (compress && request.OutputPath is null)
        {
            environment.Error.WriteLine("hostnet: --gzip needs --output FILE (or pipe standard output through gzip)");
            return ExitCodes.Invalid;
        }

        var progress = new ProgressBar(environment.Error, environment.ErrorIsTerminal);
        try
        {
            using var client = request.Client();
            var summary = await SnapshotOutput.WriteAsync(new SnapshotWriter(client), request.OutputPath, compress, progress.Report, environment, cancellationToken).ConfigureAwait(false);
            progress.Clear();
            SnapshotOutput.Report(summary, request.OutputPath, environment);
            return ExitCodes.Success;
        }
        catch (Exception error) when (error is KubeConfigException or KubeApiException or IOException or UnauthorizedAccessException)
        {
            progress.Clear();
            environment.Error.WriteLine($"hostnet: {error.Message}");
            return ExitCodes.Invalid;
        }
    }

    private sealed record SnapshotRequest(string? OutputPath, bool Gzip, Func<KubeApiClient> Client);
}
