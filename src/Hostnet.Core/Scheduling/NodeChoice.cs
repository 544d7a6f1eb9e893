using Hostnet.Core.Scheduling.Cache;
using Hostnet.Core.Scheduling.Framework;

namespace Hostnet.Core.Scheduling;

/// <summary>
/// <see cref="NodeScoring"/>'s choice for one pod, made as feasible nodes are offered one by one in the order the
/// filters pass them: the same node a pass over the finished list picks, but each node is scored while the filters
/// have just read its figures. The workload's pods per node come from <paramref name="ownedByNode"/> (node index →
/// count, as <see cref="ClusterState"/> indexes them; null when the workload runs nowhere).
/// </summary>
internal struct NodeChoice(PodInfo pod, Dictionary<int, int>? ownedByNode)
{
    private readonly ResourceAmounts _request = ResourceAmounts.NonZero(pod.Spec.Requests);
    private readonly uint _podHash = NodeScoring.NameHash(pod.Name);
    private (int Owned, double Room, uint TieBreak) _score;

    /// <summary>The best node offered so far; null before the first.</summary>
    public NodeInfo? Best { get; private set; }

    /// <summary>How many nodes were offered (the feasible ones).</summary>
    public int Offered { get; private set; }

    /// <summary>
    /// Offers a feasible node; a node with more of the workload's pods than the best so far is passed over without
    /// computing the rest.
    /// </summary>
    public void Offer(NodeInfo node)
    {
        Offered++;
        var owned = ownedByNode?.GetValueOrDefault(node.Index) ?? 0;
        if (Best is not null && owned > _score.Owned)
        {
            return;
        }

        var room = NodeScoring.LeastAllocated(_request, node);
        var tieBreak = NodeScoring.TieBreak(_podHash, node.NameHash);
        if (Best is null || owned < _score.Owned || room > _score.Room || (room == _score.Room && tieBreak < _score.TieBreak))
        {
            (Best, _score) = (node, (owned, room, tieBreak));
        }
    }
}
