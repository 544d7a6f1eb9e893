using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Placement;

/// <summary>
/// The PostFilter message of the default profile: what preemption says about each node. Mirrors
/// pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go (PostFilter: <c>"preemption: " + msg</c>) and
/// pkg/scheduler/framework/preemption/preemption.go (Preempt, PodEligibleToPreemptOthers, nodesWherePreemptionMightHelp,
/// SelectVictimsOnNode).
/// </summary>
public static class DefaultPreemption
{
    // One instance each, shared by every node of every message: a failing pod judges thousands of nodes.
    private static readonly FilterStatus NotHelpful = FilterStatus.Unresolvable("DefaultPreemption", SchedulerReasons.PreemptionNotHelpful);
    private static readonly FilterStatus NoVictims = FilterStatus.Unresolvable("DefaultPreemption", SchedulerReasons.NoPreemptionVictims);

    /// <summary>
    /// The PostFilter message for a pod whose filter verdicts are <paramref name="filtered"/>. Nodes rejected as
    /// UnschedulableAndUnresolvable (and nodes a PreFilter result left out) are not helped by preemption; the other
    /// rejected nodes are candidates, judged by <paramref name="candidate"/> (the verdict once the node's
    /// lower-priority pods are gone, null when there are none); without it, a candidate holds no pod of lower priority (the pods hostnet places
    /// compete with equals: replicas of one workload, or old and new pods of one rollout). From 1.34 the
    /// DynamicResources plugin, on by default, puts its own message first.
    /// </summary>
    public static string PostFilterMessage(int numAllNodes, Diagnosis filtered, KubeVersion version, Func<string, FilterStatus?>? candidate = null)
    {
        ArgumentNullException.ThrowIfNull(filtered);
        var verdicts = filtered.NodeToStatus.ToDictionary(
            n => n.Key,
            n => n.Value.Code == StatusCode.UnschedulableAndUnresolvable
                ? NotHelpful
                : candidate?.Invoke(n.Key) ?? NoVictims,
            StringComparer.Ordinal);
        var inner = new FitError(
            numAllNodes,
            new Diagnosis(verdicts, NotHelpful));
        return WithDynamicResources("preemption: " + inner.Error(version), version);
    }

    /// <summary>The PostFilter message for a pod with <c>preemptionPolicy: Never</c>.</summary>
    public static string NotEligibleMessage(KubeVersion version) =>
        WithDynamicResources("preemption: " + SchedulerReasons.PreemptionNever, version);

    private static string WithDynamicResources(string preemption, KubeVersion version) =>
        version >= SchedulerReasons.DynamicResourcesSince
            ? SchedulerReasons.NoClaimsToDeallocate + ", " + preemption
            : preemption;
}
