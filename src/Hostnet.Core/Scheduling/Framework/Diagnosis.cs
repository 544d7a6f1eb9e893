using Hostnet.Core.Model;

namespace Hostnet.Core.Scheduling.Framework;

/// <summary>
/// What the scheduler learnt about a pod it could not place; mirrors kube-scheduler's framework <c>Diagnosis</c>.
/// </summary>
/// <param name="NodeToStatus">The verdict on each node the filters ran on, by node name.</param>
/// <param name="AbsentNodesStatus">The verdict on the nodes a PreFilter result left out; null when none were.</param>
/// <param name="PreFilterMessage">A PreFilter rejection, which replaces the per-node reasons; null when none.</param>
/// <param name="PostFilterMessage">What the PostFilter plugins (preemption) said; null when nothing.</param>
internal sealed record Diagnosis(
    IReadOnlyDictionary<string, FilterStatus> NodeToStatus,
    FilterStatus? AbsentNodesStatus,
    string? PreFilterMessage = null,
    string? PostFilterMessage = null)
{
    /// <summary>
    /// The reason for nodes a PreFilter result left out (a DaemonSet pod bound to one node), as schedule_one.go
    /// (findNodesThatFitPod) words it: since 1.31 (PR #125197) <c>node(s) didn't satisfy plugin(s) [NodeAffinity]</c>;
    /// 1.25–1.30 (PR #119779 and its backports) <c>node is filtered out by the prefilter result</c>; before, such nodes
    /// were not reported (null).
    /// </summary>
    public static string? FilteredOutByPreFilter(string plugin, KubeVersion version) =>
        version >= new KubeVersion(1, 31) ? $"node(s) didn't satisfy plugin(s) [{plugin}]"
        : version >= new KubeVersion(1, 25) ? "node is filtered out by the prefilter result"
        : null;
}
