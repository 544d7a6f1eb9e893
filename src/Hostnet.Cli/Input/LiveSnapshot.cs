using System.IO.Pipelines;
using Hostnet.Cli.Output;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Kube.Config;
using Hostnet.Kube.Http;
using Hostnet.Kube.Listing;
using Hostnet.Kube.Snapshot;

namespace Hostnet.Cli.Input;

/// <summary>
/// Reads the live cluster as <c>hostnet snapshot</c> would write it, without the file: the snapshot writer pages through
/// the API into a pipe that the streaming snapshot reader drains at the same time, so at most a few megabytes of JSON
/// (the pipe's pause threshold) are held, whatever the cluster's size; what stays is the trimmed model.
/// </summary>
internal static class LiveSnapshot
{
    /// <summary>The name the findings' positions are given in.</summary>
    public const string SourceName = "(live)";

    private const long PauseWriterBytes = 4 << 20;

    /// <summary>
    /// The live cluster of the client <paramref name="connect"/> makes, with its warnings and errors on standard error
    /// (and a progress bar there when asked); null after saying why it cannot be used.
    /// </summary>
    public static async Task<ClusterSnapshot?> ReadOrReportAsync(Func<KubeApiClient> connect, CliEnvironment environment, bool showProgress, CancellationToken cancellationToken)
    {
        var progress = showProgress ? new ProgressBar(environment.Error, environment.ErrorIsTerminal) : null;
        try
        {
            using var client = connect();
            var result = await ReadAsync(client, progress is null ? null : progress.Report, cancellationToken).ConfigureAwait(false);
            progress?.Clear();
            return ClusterInput.Report(result, environment);
        }
        catch (Exception error) when (error is KubeConfigException or KubeApiException or IOException)
        {
            progress?.Clear();
            environment.Error.WriteLine($"hostnet: {error.Message}");
            return null;
        }
    }

    public static async Task<ClusterReadResult> ReadAsync(KubeApiClient client, Action<ListProgress>? onProgress, CancellationToken cancellationToken)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: PauseWriterBytes, resumeWriterThreshold: PauseWriterBytes / 2));
        var reading = Task.Run(
            () =>
            {
                using var stream = pipe.Reader.AsStream();
                return SnapshotReader.Read(SourceName, stream);
            },
            cancellationToken);
        try
        {
            var stream = pipe.Writer.AsStream();
            await using (stream.ConfigureAwait(false))
            {
                await new SnapshotWriter(client).WriteAsync(stream, onProgress, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error)
        {
            // The reader stops at the failure; the API's error is what the user needs.
            await pipe.Writer.CompleteAsync(error).ConfigureAwait(false);
            try
            {
                await reading.ConfigureAwait(false);
            }
            catch (Exception stopped) when (ReferenceEquals(stopped, error) || stopped is IOException or OperationCanceledException)
            {
            }

            throw;
        }

        return await reading.ConfigureAwait(false);
    }
}
