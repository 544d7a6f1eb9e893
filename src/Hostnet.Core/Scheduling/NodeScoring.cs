using System.Runtime.CompilerServices;
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
    private const uint OffsetBasis = 2166136261u;

    public static NodeInfo Best(PodInfo pod, IReadOnlyList<NodeInfo> feasible)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(feasible);
        return Best(pod, [.. feasible], new OwnedOnNode(pod.Owner));
    }

    /// <summary>
    /// The best node, with the workload's pods per node from the cluster state's index (node index → count) rather
    /// than a look at every node's pods.
    /// </summary>
    internal static NodeInfo Best(PodInfo pod, ReadOnlySpan<NodeInfo> feasible, Dictionary<int, int>? ownedByNode) =>
        ownedByNode is null ? Best(pod, feasible, default(NoneOwned)) : Best(pod, feasible, new OwnedByIndex(ownedByNode));

    /// <summary>
    /// One pass over the feasible nodes; the hash, the last tie-breaker, is computed only for nodes that tie on the
    /// first two scores (most do, in a cluster of identical nodes, but the pod name's share is computed once).
    /// </summary>
    private static NodeInfo Best<TOwned>(PodInfo pod, ReadOnlySpan<NodeInfo> feasible, TOwned owned)
        where TOwned : struct, IOwnedPods
    {
        var request = ResourceAmounts.NonZero(pod.Spec.Requests);
        var prefix = Continue(Continue(OffsetBasis, pod.Name), "/");
        NodeInfo? best = null;
        (int Owned, double Room) bestScore = default;
        uint? bestHash = null;
        foreach (var node in feasible)
        {
            var score = (owned.On(node), LeastAllocated(request, node));
            if (best is not null && score.Item1 == bestScore.Owned && score.Item2 == bestScore.Room)
            {
                bestHash ??= Continue(prefix, best.Name);
                var hash = Continue(prefix, node.Name);
                if (hash < bestHash)
                {
                    (best, bestHash) = (node, hash);
                }

                continue;
            }

            if (best is null || (score.Item1 != bestScore.Owned ? score.Item1 < bestScore.Owned : score.Item2 > bestScore.Room))
            {
                (best, bestScore, bestHash) = (node, score, null);
            }
        }

        return best ?? throw new ArgumentException("no feasible node", nameof(feasible));
    }

    /// <summary>noderesources/least_allocated.go: the mean over CPU and memory of the share left free, 0–100.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double LeastAllocated(ResourceAmounts request, NodeInfo node) =>
        (Free(node.Allocatable.MilliCpu, node.NonZeroRequested.MilliCpu + request.MilliCpu)
            + Free(node.Allocatable.Memory, node.NonZeroRequested.Memory + request.Memory)) / 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Free(long capacity, long requested) =>
        capacity <= 0 || requested > capacity ? 0 : (double)(capacity - requested) * 100 / capacity;

    /// <summary>FNV-1a over the UTF-16 code units of both names.</summary>
    public static uint Hash(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return Continue(Continue(Continue(OffsetBasis, first), "/"), second);
    }

    private static uint Continue(uint hash, string text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    /// <summary>How many pods of the workload being placed run on a node (a struct, so that the loop above is specialized and inlined).</summary>
    private interface IOwnedPods
    {
        int On(NodeInfo node);
    }

    private readonly struct NoneOwned : IOwnedPods
    {
        public int On(NodeInfo node) => 0;
    }

    private readonly struct OwnedByIndex(Dictionary<int, int> counts) : IOwnedPods
    {
        public int On(NodeInfo node) => counts.GetValueOrDefault(node.Index);
    }

    private readonly struct OwnedOnNode(string owner) : IOwnedPods
    {
        public int On(NodeInfo node) => node.PodsOf(owner);
    }
}
