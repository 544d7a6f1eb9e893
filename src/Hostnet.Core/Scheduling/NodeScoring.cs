using System.Runtime.CompilerServices;
namespace Hostnet.Core.Scheduling;

/// <summary>
/// hostnet's approximation of the default profile's scoring, deterministic where upstream breaks ties at random:
/// first the node with the fewest pods of the same workload (the default PodTopologySpread constraints spread a
/// workload's pods over hosts), then the node with the most room left for CPU and memory after the pod
/// (NodeResourcesFit's LeastAllocated, counting 100m CPU and 200Mi memory for a pod that requests none), then the
/// lowest <see cref="TieBreak"/> of the pod's and the node's name hashes (a fixed stand-in for upstream's random pick
/// among equals, different for every pod).
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
    /// One pass over the feasible nodes, comparing (pods of the workload, room, tie-breaker) in turn; a node with more
    /// of the workload's pods than the best so far is passed over without computing the rest.
    /// </summary>
    private static NodeInfo Best<TOwned>(PodInfo pod, ReadOnlySpan<NodeInfo> feasible, TOwned ownedPods)
        where TOwned : struct, IOwnedPods
    {
        var request = ResourceAmounts.NonZero(pod.Spec.Requests);
        var podHash = NameHash(pod.Name);
        NodeInfo? best = null;
        (int Owned, double Room, uint TieBreak) bestScore = default;
        foreach (var node in feasible)
        {
            var owned = ownedPods.On(node);
            if (best is not null && owned > bestScore.Owned)
            {
                continue;
            }

            var room = LeastAllocated(request, node);
            var tieBreak = TieBreak(podHash, node.NameHash);
            if (best is null || owned < bestScore.Owned || room > bestScore.Room || (room == bestScore.Room && tieBreak < bestScore.TieBreak))
            {
                (best, bestScore) = (node, (owned, room, tieBreak));
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

    /// <summary>FNV-1a over the UTF-16 code units of a name.</summary>
    internal static uint NameHash(string name) => Continue(OffsetBasis, name);

    /// <summary>
    /// The last tie-breaker between equal nodes for a pod: the names' hashes mixed by murmur3's finalizer, so that
    /// every pod orders the nodes differently, computed from each node's hash taken once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint TieBreak(uint podHash, uint nodeHash)
    {
        var hash = podHash ^ (nodeHash * 0x9E3779B1u);
        hash = (hash ^ (hash >> 16)) * 0x85EBCA6Bu;
        hash = (hash ^ (hash >> 13)) * 0xC2B2AE35u;
        return hash ^ (hash >> 16);
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
