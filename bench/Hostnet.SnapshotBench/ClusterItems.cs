using System.Globalization;
using System.Text;
using Hostnet.Kube.Tests.Support;

namespace Hostnet.SnapshotBench;

/// <summary>
/// P2's cluster (<c>bench/Hostnet.Bench/P2/SnapshotGenerator.cs</c>: nodes, pods, namespaces, services) held as the raw
/// JSON bytes of each item, grouped by kind, so the fake API server can answer list pages without parsing anything.
/// </summary>
internal sealed class ClusterItems
{
    private static readonly Dictionary<string, string> KindOfPath = new(StringComparer.Ordinal)
    {
        ["/api/v1/namespaces"] = "Namespace",
        ["/api/v1/nodes"] = "Node",
        ["/api/v1/services"] = "Service",
        ["/api/v1/pods"] = "Pod",
    };

    private readonly Dictionary<string, List<byte[]>> _byKind = new(StringComparer.Ordinal);

    public IReadOnlyList<byte[]> Of(string kind) => _byKind.TryGetValue(kind, out var items) ? items : [];

    public long Bytes => _byKind.Values.Sum(items => items.Sum(item => (long)item.Length));

    public int Count => _byKind.Values.Sum(items => items.Count);

    /// <summary>
    /// Writes the generator's List to <paramref name="path"/> and cuts it into items. The generator indents by four
    /// spaces, so every item of the top-level <c>items</c> array opens with a line of exactly eight spaces and '{' and
    /// closes with eight spaces and '}'; its first <c>"kind"</c> is its own (keys come sorted, after <c>apiVersion</c>).
    /// </summary>
    public static ClusterItems Generate(int nodes, int podsPerNode, string path)
    {
        new Hostnet.Bench.P2.SnapshotGenerator(nodes, podsPerNode).Write(path);
        var cluster = new ClusterItems();
        var item = new StringBuilder();
        foreach (var line in File.ReadLines(path))
        {
            if (item.Length == 0 && line != "        {")
            {
                continue;
            }

            item.Append(line).Append('\n');
            if (line is "        }" or "        },")
            {
                var text = item.ToString().TrimEnd('\n', ',');
                cluster.Add(KindOf(text), Encoding.UTF8.GetBytes(text));
                item.Clear();
            }
        }

        return cluster;
    }

    /// <summary>
    /// The <see cref="FakeApiServer"/>'s answer, paged as the real API server pages: <c>limit</c> items a page, a
    /// <c>continue</c> token while more remain, <c>remainingItemCount</c>. Every list path hostnet snapshot asks for
    /// answers, with an empty list for kinds the cluster has none of.
    /// </summary>
    public FakeResponse Respond(RecordedRequest request)
    {
        if (request.Path == "/version")
        {
            return FakeResponse.Json("""{"major":"1","minor":"35","gitVersion":"v1.35.0"}""");
        }

        if (!request.Path.StartsWith("/api/", StringComparison.Ordinal) && !request.Path.StartsWith("/apis/", StringComparison.Ordinal))
        {
            return new FakeResponse(404, string.Empty);
        }

        var items = KindOfPath.TryGetValue(request.Path, out var kind) ? Of(kind) : [];
        var limit = int.TryParse(request.Query("limit"), CultureInfo.InvariantCulture, out var l) && l > 0 ? l : items.Count;
        var start = int.TryParse(request.Query("continue"), CultureInfo.InvariantCulture, out var c) ? c : 0;
        var end = Math.Min(items.Count, start + limit);
        var metadata = end < items.Count
            ? string.Create(CultureInfo.InvariantCulture, $"{{\"resourceVersion\":\"1000\",\"continue\":\"{end}\",\"remainingItemCount\":{items.Count - end}}}")
            : "{\"resourceVersion\":\"1000\"}";
        return new FakeResponse(200, string.Empty) { Chunks = Page(items, start, end, metadata) };
    }

    private static IEnumerable<ReadOnlyMemory<byte>> Page(IReadOnlyList<byte[]> items, int start, int end, string metadata)
    {
        yield return Encoding.UTF8.GetBytes($"{{\"kind\":\"List\",\"apiVersion\":\"v1\",\"metadata\":{metadata},\"items\":[");
        for (var i = start; i < end; i++)
        {
            if (i > start)
            {
                yield return ","u8.ToArray();
            }

            yield return items[i];
        }

        yield return "]}"u8.ToArray();
    }

    private void Add(string kind, byte[] item)
    {
        if (!_byKind.TryGetValue(kind, out var items))
        {
            _byKind[kind] = items = [];
        }

        items.Add(item);
    }

    private static string KindOf(string item)
    {
        const string Key = "\"kind\": \"";
        var start = item.IndexOf(Key, StringComparison.Ordinal) + Key.Length;
        return item[start..item.IndexOf('"', start)];
    }
}
