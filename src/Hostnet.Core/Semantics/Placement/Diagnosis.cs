namespace Hostnet.Core.Semantics.Placement;

/// <summary>
/// What the scheduler learnt about a pod it could not place; mirrors kube-scheduler's framework <c>Diagnosis</c>.
/// </summary>
/// <param name="NodeToStatus">The verdict on each node the filters ran on, by node name.</param>
/// <param name="AbsentNodesStatus">The verdict on the nodes a PreFilter result left out; null when none were.</param>
/// <param name="PreFilterMessage">A PreFilter rejection, which replaces the per-node reasons; null when none.</param>
/// <param name="PostFilterMessage">What the PostFilter plugins (preemption) said; null when nothing.</param>
public sealed record Diagnosis(
    IReadOnlyDictionary<string, FilterStatus> NodeToStatus,
    FilterStatus? AbsentNodesStatus,
    string? PreFilterMessage = null,
    string? PostFilterMessage = null);
