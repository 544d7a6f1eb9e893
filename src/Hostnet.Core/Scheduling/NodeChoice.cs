namespace Hostnet.Core.Scheduling;

/// <summary>
/// <see cref="NodeScoring"/>'s choice for one pod, made as feasible nodes are offered one by one in the order the
/// filters pass them: the same node a pass over the finished list picks, but each node is scored while the filters
/// have just read its figures.
/// </summary>
internal struct NodeChoice(PodInfo pod)
{
    private readonly ResourceAmounts _request = ResourceAmounts.NonZero(pod.Spec.Requests);
    private readonly uint _podHash = NodeScoring.NameHash(pod.Name);
    private (int Owned, double Room, uint TieBreak) _score;

    /// <summary>The best node offered so far; null before the first.</summary>
    public NodeInfo? Best { get; private set; }

    /// <summary>How many nodes were offered (the feasible ones).</summary>
    public int Offered { get; private set; }

    /// <summary>
    /// Offers a feasible node with the number of the workload's pods on it; a node with more of them than the best so
    /// far is passed over without computing the rest.
    /// </summary>
    public void Offer(NodeInfo node, int owned)
    {
        Offered++;
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
