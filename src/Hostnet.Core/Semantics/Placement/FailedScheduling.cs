using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Placement;

/// <summary>
/// The scheduler's <c>FailedScheduling</c> message for a pod that finds its host port held wherever it may run
/// (schedule_one.go, findNodesThatFitPod; then DefaultPreemption), over the Node objects known.
/// </summary>
public static class FailedScheduling
{
    /// <summary>
    /// The message for a pod of <paramref name="pod"/> when the nodes for which <paramref name="holdsPort"/> is true
    /// already run a pod holding a conflicting host port (NodePorts runs after the filters of
    /// <see cref="NodeEligibility"/>, so only nodes that pass them can fail on ports).
    /// </summary>
    public static string Message(NodeEligibility pod, IReadOnlyList<Node> nodes, Func<Node, bool> holdsPort, KubeVersion version)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(holdsPort);
        var preFilter = pod.PreFilterNodeNames();
        var statuses = new Dictionary<string, FilterStatus>(StringComparer.Ordinal);
        foreach (var node in nodes.Where(n => preFilter is null || preFilter.Contains(n.Name)))
        {
            var status = pod.Filter(node, version);
            statuses[node.Name] = status.IsSuccess && holdsPort(node)
                ? FilterStatus.Unschedulable("NodePorts", SchedulerReasons.NodePorts)
                : status;
        }

        var absent = preFilter is not null && SchedulerReasons.FilteredOutByPreFilter("NodeAffinity", version) is { } reason
            ? FilterStatus.Unresolvable("NodeAffinity", reason)
            : null;
        var diagnosis = new Diagnosis(statuses, absent);
        diagnosis = diagnosis with { PostFilterMessage = DefaultPreemption.PostFilterMessage(nodes.Count, diagnosis, version) };
        return new FitError(nodes.Count, diagnosis).Error(version);
    }
}
