using Hostnet.Core.Scheduling.Framework;

namespace Hostnet.Core.Scheduling.Cache;

/// <summary>
/// The node-only filters' verdicts for one spec: one per group of nodes the spec cannot tell apart, and the indexes
/// of the nodes that pass, in order.
/// </summary>
internal sealed record NodeVerdicts(int[] GroupOf, FilterStatus[] ByGroup, int[] Passing)
{
    /// <summary>The verdict on the node with this index.</summary>
    public FilterStatus Of(int node) => ByGroup[GroupOf[node]];
}
