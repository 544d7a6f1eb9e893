using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hostnet.Kube.Http;
using Hostnet.Kube.Listing;

namespace Hostnet.Kube.Snapshot;

/// <summary>
/// Writes a cluster snapshot: one <c>v1 List</c> as <c>kubectl get … -o json</c> prints it, every item with its
/// <c>apiVersion</c> and <c>kind</c>, trimmed by <see cref="ItemTrimmer"/>, and the server version in the annotation
/// <see cref="ServerVersionAnnotation"/>. Items are written as their page arrives.
/// </summary>
public sealed class SnapshotWriter(KubeApiClient client, int pageSize = ListPager.DefaultPageSize)
{
    public const string ServerVersionAnnotation = "hostnet.dev/server-version";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 4,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="onProgress">Called after every page, for a progress bar.</param>
    public async Task<SnapshotSummary> WriteAsync(Stream output, Action<ListProgress>? onProgress, CancellationToken cancellationToken)
    {
        var version = await client.GetVersionAsync(cancellationToken).ConfigureAwait(false);
        var pager = new ListPager(client, pageSize);
        var counts = new List<KeyValuePair<ApiResource, int>>();
        var notServed = new List<ApiResource>();
        var writer = new Utf8JsonWriter(output, WriterOptions);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteString("apiVersion", "v1");
            writer.WriteString("kind", "List");
            writer.WriteStartObject("metadata");
            writer.WriteStartObject("annotations");
            writer.WriteString(ServerVersionAnnotation, version.GitVersion ?? $"v{version.Major}.{version.Minor}");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartArray("items");
            foreach (var resource in SnapshotResources.All)
            {
                try
                {
                    var count = await pager.ListAsync(
                        resource,
                        item =>
                        {
                            ItemTrimmer.Write(writer, resource, item);
                            if (writer.BytesPending > 1 << 16)
                            {
                                writer.Flush();
                            }
                        },
                        onProgress,
                        cancellationToken).ConfigureAwait(false);
                    counts.Add(KeyValuePair.Create(resource, count));
                }
                catch (KubeApiException error) when (error.StatusCode == HttpStatusCode.NotFound)
                {
                    // An older server without this API version (batch/v1 CronJobs before 1.21): the snapshot lacks the kind.
                    notServed.Add(resource);
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return new SnapshotSummary(version, counts, notServed);
    }
}
