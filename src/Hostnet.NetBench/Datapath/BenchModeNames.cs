namespace Hostnet.NetBench.Datapath;

/// <summary>The command-line and report names of the modes (<c>host</c>, <c>host-network</c>, <c>pod-bridge</c>, …).</summary>
internal static class BenchModeNames
{
    public static IReadOnlyList<BenchMode> All { get; } = Enum.GetValues<BenchMode>();

    public static string Name(this BenchMode mode) => mode switch
    {
        BenchMode.Host => "host",
        BenchMode.HostNetwork => "host-network",
        BenchMode.PodBridge => "pod-bridge",
        BenchMode.PodRouted => "pod-routed",
        BenchMode.PodVxlan => "pod-vxlan",
        BenchMode.Service => "service",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    public static bool TryParse(string name, out BenchMode mode)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name(), name, StringComparison.OrdinalIgnoreCase))
            {
                mode = candidate;
                return true;
            }
        }

        mode = default;
        return false;
    }

    /// <summary>Every name, in measuring order, joined by <paramref name="separator"/>.</summary>
    public static string Names(string separator) => string.Join(separator, All.Select(m => m.Name()));

    /// <summary>The names in <c>--modes</c> values, each a comma-separated list (<c>host,service</c>).</summary>
    public static IEnumerable<string> Words(IEnumerable<string> lists) =>
        lists.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// The modes the names choose, in measuring order whatever the order named; all of them when none is named. The
    /// command line rejects unknown names before it gets here.
    /// </summary>
    public static IReadOnlyList<BenchMode> Chosen(IEnumerable<string> names)
    {
        var chosen = new HashSet<BenchMode>();
        foreach (var name in names)
        {
            if (TryParse(name, out var mode))
            {
                chosen.Add(mode);
            }
        }

        return [.. All.Where(m => chosen.Count == 0 || chosen.Contains(m))];
    }
}
