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
}
