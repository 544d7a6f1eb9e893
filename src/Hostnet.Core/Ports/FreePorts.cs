using System.Collections;

namespace Hostnet.Core.Ports;

/// <summary><c>hostnet ports --free FROM-TO</c>: the ports of a range free on every one of some nodes.</summary>
internal static class FreePorts
{
    /// <summary>The free ports as ranges (first, last), ascending.</summary>
    public static IReadOnlyList<(int From, int To)> Find(PortMap map, IReadOnlyCollection<string> nodes, int from, int to, string protocol)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(nodes);
        var taken = new BitArray(to - from + 1);
        foreach (var use in map.EveryNode.Concat(map.Nodes.Where(n => nodes.Contains(n.Node)).SelectMany(n => n.Ports)))
        {
            if (use.Covers(use.Port, protocol) && use.ToPort >= from && use.Port <= to)
            {
                for (var port = Math.Max(use.Port, from); port <= Math.Min(use.ToPort, to); port++)
                {
                    taken[port - from] = true;
                }
            }
        }

        var free = new List<(int From, int To)>();
        for (var i = 0; i < taken.Length; i++)
        {
            if (taken[i])
            {
                continue;
            }

            var start = i;
            while (i + 1 < taken.Length && !taken[i + 1])
            {
                i++;
            }

            free.Add((start + from, i + from));
        }

        return free;
    }
}
