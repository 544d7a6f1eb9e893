using Hostnet.Core.Ports;


namespace Hostnet.Core.Audit;

/// <summary>Builds the <see cref="PortPicture"/> from the port map: one pass over each node's ports.</summary>
internal static class PortPictureBuilder
{
    public const int MaxColumns = 150;

    public const int MaxRows = 300;

    public static PortPicture Build(LiveState state)
    {
        // Per node, the owners of each pod-held port.
        var perNode = new List<(string Node, Dictionary<PictureColumn, List<(OwnerKey Owner, bool Inferred)>> Ports)>();
        var usage = new Dictionary<PictureColumn, (int Nodes, bool Clash)>();
        foreach (var node in state.Ports.Nodes)
        {
            var ports = new Dictionary<PictureColumn, List<(OwnerKey, bool)>>();
            foreach (var use in node.Ports.Where(u => u.Source is PortSource.Declared or PortSource.Inferred))
            {
                if (state.Index.PodOf(use) is not { } pod)
                {
                    continue;
                }

                var column = new PictureColumn(use.Port, use.Protocol);
                if (!ports.TryGetValue(column, out var holders))
                {
                    ports[column] = holders = [];
                }

                var owner = state.Index.OwnerOf(pod);
                if (!holders.Any(h => h.Item1.Equals(owner) && h.Item2 == (use.Source == PortSource.Inferred)))
                {
                    holders.Add((owner, use.Source == PortSource.Inferred));
                }
            }

            foreach (var (column, holders) in ports)
            {
                var (count, clash) = usage.GetValueOrDefault(column);
                usage[column] = (count + 1, clash || holders.Select(h => h.Item1).Distinct().Count() > 1);
            }

            perNode.Add((node.Node, ports));
        }

        var columns = usage
            .OrderByDescending(u => u.Value.Clash)
            .ThenByDescending(u => u.Value.Nodes)
            .ThenBy(u => u.Key.Port)
            .Take(MaxColumns)
            .Select(u => u.Key)
            .OrderBy(c => c.Port)
            .ThenBy(c => c.Protocol, StringComparer.Ordinal)
            .ToArray();
        var owners = new List<OwnerKey>();
        var ownerIndex = new Dictionary<OwnerKey, int>();
        var rows = new List<PictureRow>();
        var bySignature = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var hiddenRows = 0;
        foreach (var (node, ports) in perNode)
        {
            var cells = columns.Select(c => ports.TryGetValue(c, out var holders) ? Cell(holders, owners, ownerIndex) : null).ToArray();
            var signature = string.Join('|', cells.Select(c => c is null ? "-" : $"{string.Join(',', c.Holders)}{(c.Inferred ? "?" : string.Empty)}"));
            if (bySignature.TryGetValue(signature, out var grouped))
            {
                grouped.Add(node);
            }
            else if (rows.Count < MaxRows)
            {
                var nodes = new List<string> { node };
                bySignature[signature] = nodes;
                rows.Add(new PictureRow(nodes, cells));
            }
            else
            {
                hiddenRows++;
            }
        }

        return new PortPicture(columns, rows, owners, usage.Count - columns.Length, hiddenRows);
    }

    private static PictureCell Cell(List<(OwnerKey Owner, bool Inferred)> holders, List<OwnerKey> owners, Dictionary<OwnerKey, int> index)
    {
        // Every holder gets a colour, so that the legend names the owners of clashes too.
        foreach (var (owner, _) in holders)
        {
            if (index.TryAdd(owner, owners.Count))
            {
                owners.Add(owner);
            }
        }

        var colour = index[holders[0].Owner];

        var names = holders.Select(h => $"{h.Owner.Namespace}/{h.Owner}").Distinct(StringComparer.Ordinal).ToArray();
        return new PictureCell(colour, names, holders.Any(h => h.Inferred));
    }
}
