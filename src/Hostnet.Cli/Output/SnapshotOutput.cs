using System.IO.Compression;
using Hostnet.Core.Reporting;
using Hostnet.Kube.Listing;
using Hostnet.Kube.Snapshot;

namespace Hostnet.Cli.Output;

/// <summary><c>hostnet snapshot</c>'s output: the List on standard output or in a file (gzip on request), and what it holds on standard error.</summary>
internal static class SnapshotOutput
{
    /// <summary>
    /// Writes the snapshot. A file is written beside the target and renamed at the end, so a failed run leaves no half
    /// snapshot behind.
    /// </summary>
    public static async Task<SnapshotSummary> WriteAsync(
        SnapshotWriter writer, string? outputPath, bool compress, Action<ListProgress> onProgress, CliEnvironment environment, CancellationToken cancellationToken)
    {
        if (outputPath is null)
        {
            using var stdout = new TextWriterStream(environment.Output);
            var written = await writer.WriteAsync(stdout, onProgress, cancellationToken).ConfigureAwait(false);
            environment.Output.WriteLine();
            return written;
        }

        var path = Path.GetFullPath(outputPath, environment.WorkingDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        try
        {
            SnapshotSummary summary;
            var file = File.Create(partial);
            await using (file.ConfigureAwait(false))
            {
                var target = compress ? new GZipStream(file, CompressionLevel.Optimal) : (Stream)file;
                await using (target.ConfigureAwait(false))
                {
                    summary = await writer.WriteAsync(target, onProgress, cancellationToken).ConfigureAwait(false);
                }
            }

            File.Move(partial, path, overwrite: true);
            return summary;
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    /// <summary>On standard error: the kinds the server does not serve and, when writing a file, what the snapshot holds.</summary>
    public static void Report(SnapshotSummary summary, string? outputPath, CliEnvironment environment)
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
}
