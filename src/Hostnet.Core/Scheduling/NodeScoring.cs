using System.Runtime.CompilerServices;
using Hostnet.Core.Scheduling.Framework;
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
internal static class NodeScoring
{
    private const uint OffsetBasis = 2166136261u;

    /// <summary>
    /// The best of the feasible nodes, counting the workload's pods on each node; the scheduler makes the same choice
    /// with <see cref="NodeChoice"/> as its filters pass the nodes, reading those counts from the cluster state's index.
    /// </summary>
    public static NodeInfo Best(PodInfo pod, IReadOnlyList<NodeInfo> feasible)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(feasible);
        var choice = new NodeChoice(pod, feasible.ToDictionary(n => n.Index, n => n.PodsOf(pod.Owner)));
        foreach (var node in feasible)
        {
            choice.Offer(node);
        }

        return choice.Best ?? throw new ArgumentException("no feasible node", nameof(feasible));
    }

    /// <summary>noderesources/least_allocated.go: the mean over CPU and memory of the share left free, 0–100.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double LeastAllocated(ResourceAmounts request, NodeInfo node) =>
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
}
