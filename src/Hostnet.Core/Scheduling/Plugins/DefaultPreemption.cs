using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Framework;

namespace Hostnet.Core.Scheduling.Plugins;

/// <summary>
/// The PostFilter message of the default profile: what preemption says about each node. Mirrors
/// pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go (PostFilter: <c>"preemption: " + msg</c>) and
/// pkg/scheduler/framework/preemption/preemption.go (Preempt, PodEligibleToPreemptOthers, nodesWherePreemptionMightHelp,
/// SelectVictimsOnNode), v1.35.
/// </summary>
internal static class DefaultPreemption
{
    /// <summary>preemption.go, Preempt: a pod that may not preempt.</summary>
    public const string ErrReasonPreemptionNever = "not eligible due to preemptionPolicy=Never.";

    /// <summary>preemption.go, SelectVictimsOnNode: a candidate node without lower-priority pods to evict.</summary>
    public const string ErrReasonNoVictims = "No preemption victims found for incoming pod";

    /// <summary>preemption.go, nodesWherePreemptionMightHelp: nodes rejected as UnschedulableAndUnresolvable.</summary>
    public const string ErrReasonNotHelpful = "Preemption is not helpful for scheduling";

    /// <summary>dynamicresources.go, PostFilter of a pod without resource claims (DRA on by default from 1.34).</summary>
    public const string NoClaimsToDeallocate = "no new claims to deallocate";

    // One instance each, shared by every node of every message: a failing pod judges thousands of nodes.
    private static readonly FilterStatus NotHelpful = FilterStatus.Unresolvable(PluginNames.DefaultPreemption, ErrReasonNotHelpful);
    private static readonly FilterStatus NoVictims = FilterStatus.Unresolvable(PluginNames.DefaultPreemption, ErrReasonNoVictims);

    /// <summary>The release that enabled dynamic resource allocation, and with it its PostFilter message, by default.</summary>
    public static KubeVersion DynamicResourcesSince { get; } = new(1, 34);

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
        WithDynamicResources("preemption: " + ErrReasonPreemptionNever, version);

    private static string WithDynamicResources(string preemption, KubeVersion version) =>
        version >= DynamicResourcesSince
            ? NoClaimsToDeallocate + ", " + preemption
            : preemption;
}
