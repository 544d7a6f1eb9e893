using System.CommandLine;
using System.IO.Compression;
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
        var output = new Option<string?>("--output", "-o") { Description = "Write the snapshot to FILE (gzip when it ends with .gz) instead of standard output", HelpName = "FILE" };
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
            var writer = new SnapshotWriter(client);
            SnapshotSummary summary;
            if (request.OutputPath is null)
            {
                using var stdout = new TextWriterStream(environment.Output);
                summary = await writer.WriteAsync(stdout, progress.Report, cancellationToken).ConfigureAwait(false);
                environment.Output.WriteLine();
            }
            else
            {
                summary = await SnapshotFile.WriteAsync(Path.GetFullPath(request.OutputPath, environment.WorkingDirectory), async file =>
                {
                    var target = compress ? new GZipStream(file, CompressionLevel.Optimal) : (Stream)file;
                    await using (target.ConfigureAwait(false))
                    {
                        return await writer.WriteAsync(target, progress.Report, cancellationToken).ConfigureAwait(false);
                    }
                }).ConfigureAwait(false);
            }

            progress.Clear();
            Report(summary, request.OutputPath, environment);
            return ExitCodes.Success;
        }
        catch (Exception error) when (error is KubeConfigException or KubeApiException or IOException or UnauthorizedAccessException)
        {
            progress.Clear();
            environment.Error.WriteLine($"hostnet: {error.Message}");
            return ExitCodes.Invalid;
        }
    }

    /// <summary>One line on standard error when writing a file: what the snapshot holds and what the server does not serve.</summary>
    private static void Report(SnapshotSummary summary, string? outputPath, CliEnvironment environment)
    {
        foreach (var resource in summary.NotServed)
        {
            environment.Error.WriteLine($"hostnet: the API server does not serve {resource} ({resource.ApiVersion}); the snapshot has none");
        }

        if (outputPath is not null)
        {
            var counts = string.Join(", ", summary.Counts.Where(c => c.Value > 0).Select(c => $"{c.Value} {c.Key.Plural}"));
            environment.Error.WriteLine($"hostnet: wrote {outputPath} (server {summary.Version.GitVersion}): {counts}");
        }
    }

    private sealed record SnapshotRequest(string? OutputPath, bool Gzip, Func<KubeApiClient> Client);
}
