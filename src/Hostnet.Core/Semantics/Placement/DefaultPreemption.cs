using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Placement;

/// <summary>
/// The PostFilter message of the default profile: what preemption says about each node. Mirrors
/// pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go (PostFilter: <c>"preemption: " + msg</c>) and
/// pkg/scheduler/framework/preemption/preemption.go (nodesWherePreemptionMightHelp, SelectVictimsOnNode).
/// </summary>
public static class DefaultPreemption
{
    /// <summary>
    /// The PostFilter message for a pod whose filter verdicts are <paramref name="filtered"/>. Nodes rejected as
    /// UnschedulableAndUnresolvable (and nodes a PreFilter result left out) are not helped by preemption; the other
    /// rejected nodes are candidates, and hostnet models them as holding no pod of lower priority (the pods it places
    /// compete with equals: replicas of one workload, or old and new pods of one rollout). From 1.34 the
    /// DynamicResources plugin, on by default, puts its own message first.
    /// </summary>
    public static string PostFilterMessage(int numAllNodes, Diagnosis filtered, KubeVersion version)
    {
        ArgumentNullException.ThrowIfNull(filtered);
        var verdicts = filtered.NodeToStatus.ToDictionary(
            n => n.Key,
            n => FilterStatus.Unresolvable(
                "DefaultPreemption",
                n.Value.Code == StatusCode.UnschedulableAndUnresolvable ? SchedulerReasons.PreemptionNotHelpful : SchedulerReasons.NoPreemptionVictims),
            StringComparer.Ordinal);
        var inner = new FitError(
            numAllNodes,
            new Diagnosis(verdicts, FilterStatus.Unresolvable("DefaultPreemption", SchedulerReasons.PreemptionNotHelpful)));
        var preemption = "preemption: " + inner.Error(version);
        return version >= SchedulerReasons.DynamicResourcesSince
            ? SchedulerReasons.NoClaimsToDeallocate + ", " + preemption
            : preemption;
    }
}
