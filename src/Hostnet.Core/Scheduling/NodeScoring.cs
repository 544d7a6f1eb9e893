namespace Hostnet.Core.Scheduling;

/// <summary>
/// hostnet's approximation of the default profile's scoring, deterministic where upstream breaks ties at random:
/// first the node with the fewest pods of the same workload (the default PodTopologySpread constraints spread a
/// workload's pods over hosts), then the node with the most room left for CPU and memory after the pod
/// (NodeResourcesFit's LeastAllocated, counting 100m CPU and 200Mi memory for a pod that requests none), then the
/// lowest FNV-1a hash of pod name and node name (a fixed stand-in for upstream's random pick among equals).
/// TaintToleration and NodeAffinity preferences, image locality and balanced allocation are not scored.
/// </summary>
public static class NodeScoring
{
    public static NodeInfo Best(PodInfo pod, IReadOnlyList<NodeInfo> feasible)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(feasible);
        NodeInfo? best = null;
        (int Owned, double Room, uint Hash) bestScore = default;
        foreach (var node in feasible)
        {
            var score = (node.PodsOf(pod.Owner), LeastAllocated(pod, node), Hash(pod.Name, node.Name));
            if (best is null || Better(score, bestScore))
            {
                best = node;
                bestScore = score;
            }
        }

        return best ?? throw new ArgumentException("no feasible node", nameof(feasible));
    }

    private static bool Better((int Owned, double Room, uint Hash) a, (int Owned, double Room, uint Hash) b) =>
        a.Owned != b.Owned ? a.Owned < b.Owned
        : a.Room != b.Room ? a.Room > b.Room
        : a.Hash < b.Hash;

    /// <summary>noderesources/least_allocated.go: the mean over CPU and memory of the share left free, 0–100.</summary>
    private static double LeastAllocated(PodInfo pod, NodeInfo node)
    {
        var request = ResourceAmounts.NonZero(pod.Spec.Requests);
        return (Free(node.Allocatable.MilliCpu, node.NonZeroRequested.MilliCpu + request.MilliCpu)
            + Free(node.Allocatable.Memory, node.NonZeroRequested.Memory + request.Memory)) / 2;
    }

    private static double Free(long capacity, long requested) =>
        capacity <= 0 || requested > capacity ? 0 : (double)(capacity - requested) * 100 / capacity;

    /// <summary>FNV-1a over the UTF-16 code units of both names.</summary>
    public static uint Hash(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var hash = 2166136261u;
        foreach (var c in first)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash = (hash ^ '/') * 16777619u;
        foreach (var c in second)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
