using System.Text;

namespace Hostnet.SnapshotBench;

/// <summary>
/// P2's cluster (<c>bench/Hostnet.Bench/P2/SnapshotGenerator.cs</c>: nodes, pods, namespaces, services) held as the raw
/// JSON bytes of each item, grouped by kind, so the fake API server can answer list pages without parsing anything.
/// </summary>
internal sealed class ClusterItems
{
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
