using System.Text.Encodings.Web;
using System.Text.Json;
using Hostnet.Kube.Listing;
using Hostnet.Kube.Snapshot;
using k8s;
using k8s.Models;

namespace Hostnet.SnapshotBench;

/// <summary>
/// The snapshot as it would be written on top of the Kubernetes project's C# client (KubernetesClient.Aot): its
/// kubeconfig loading and authentication, its typed paged lists (each page deserialized into <c>V1PodList</c> …), each
/// typed item serialized back to JSON for <see cref="ItemTrimmer"/> so the file has the same shape as
/// <c>hostnet snapshot</c>'s (managedFields cleared first: see below). <see cref="ListOnlyAsync"/> stops after the typed lists, to show what they cost alone.
/// </summary>
internal static class TypedSnapshot
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, IndentSize = 4, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> WriteAsync(string kubeconfig, string output)
    {
        using var client = Connect(kubeconfig);
        await using var file = File.Create(output);
        await using var writer = new Utf8JsonWriter(file, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("apiVersion", "v1");
        writer.WriteString("kind", "List");
        writer.WriteStartArray("items");
        var count = await EachItemAsync(client, (resource, item) =>
        {
            // The Aot flavour cannot serialize managedFields (FieldsV1 holds a JsonElement its source-generated context
            // lacks: NotSupportedException); the trimmer drops them anyway.
            ((IMetadata<V1ObjectMeta>)item).Metadata.ManagedFields = null;
            using var document = JsonDocument.Parse(KubernetesJson.Serialize(item));
            ItemTrimmer.Write(writer, resource, document.RootElement);
            if (writer.BytesPending > 1 << 16)
            {
                writer.Flush();
            }
        });
        writer.WriteEndArray();
        writer.WriteEndObject();
        return count;
    }

    public static async Task<int> ListOnlyAsync(string kubeconfig)
    {
        using var client = Connect(kubeconfig);
        return await EachItemAsync(client, (_, _) => { });
    }

    private static Kubernetes Connect(string kubeconfig) =>
        new(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));

    /// <summary>The four kinds the P2 cluster holds, in <see cref="SnapshotResources"/>' order, 500 a page as kubectl.</summary>
    private static async Task<int> EachItemAsync(Kubernetes client, Action<ApiResource, object> onItem)
    {
        var count = 0;
        foreach (var resource in SnapshotResources.All)
        {
            Func<string?, Task<(IEnumerable<object> Items, string? Continue)>>? page = resource.Kind switch
            {
                "Namespace" => async next => Page(await client.CoreV1.ListNamespaceAsync(continueParameter: next, limit: ListPager.DefaultPageSize)),
                "Node" => async next => Page(await client.CoreV1.ListNodeAsync(continueParameter: next, limit: ListPager.DefaultPageSize)),
                "Service" => async next => Page(await client.CoreV1.ListServiceForAllNamespacesAsync(continueParameter: next, limit: ListPager.DefaultPageSize)),
                "Pod" => async next => Page(await client.CoreV1.ListPodForAllNamespacesAsync(continueParameter: next, limit: ListPager.DefaultPageSize)),
                _ => null,
            };
            if (page is null)
            {
                continue;
            }

            string? next = null;
            do
            {
                var (items, continueToken) = await page(next);
                foreach (var item in items)
                {
                    onItem(resource, item);
                    count++;
                }

                next = continueToken;
            }
            while (!string.IsNullOrEmpty(next));
        }

        return count;
    }

    private static (IEnumerable<object>, string?) Page<T>(IItems<T> list)
        where T : notnull =>
        (list.Items.Cast<object>(), ((IMetadata<V1ListMeta>)list).Metadata?.ContinueProperty);
}
