using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Placement;

/// <summary>
/// The reason strings kube-scheduler prints, by plugin and by version (SEMANTICS.md §3–§4). Each mirrors the plugin's
/// own constant in pkg/scheduler/framework/plugins/*.
/// </summary>
public static class SchedulerReasons
{
    /// <summary>nodeports/node_ports.go, ErrReason.</summary>
    public const string NodePorts = "node(s) didn't have free ports for the requested pod ports";

    /// <summary>nodeunschedulable/node_unschedulable.go, ErrReasonUnschedulable.</summary>
    public const string NodeUnschedulable = "node(s) were unschedulable";

    /// <summary>nodename/node_name.go, ErrReason.</summary>
    public const string NodeName = "node(s) didn't match the requested node name";

    /// <summary>nodeaffinity/node_affinity.go, ErrReasonPod.</summary>
    public const string NodeAffinity = "node(s) didn't match Pod's node affinity/selector";

    /// <summary>noderesources/fit.go, fitsRequest: one pod more than allocatable <c>pods</c>.</summary>
    public const string TooManyPods = "Too many pods";

    /// <summary>interpodaffinity/filtering.go, ErrReasonAffinityRulesNotMatch (UnschedulableAndUnresolvable).</summary>
    public const string PodAffinity = "node(s) didn't match pod affinity rules";

    /// <summary>interpodaffinity/filtering.go, ErrReasonAntiAffinityRulesNotMatch.</summary>
    public const string PodAntiAffinity = "node(s) didn't match pod anti-affinity rules";

    /// <summary>interpodaffinity/filtering.go, ErrReasonExistingAntiAffinityRulesNotMatch.</summary>
    public const string ExistingPodsAntiAffinity = "node(s) didn't satisfy existing pods anti-affinity rules";

    /// <summary>podtopologyspread/filtering.go, ErrReasonConstraintsNotMatch.</summary>
    public const string TopologySpread = "node(s) didn't match pod topology spread constraints";

    /// <summary>podtopologyspread/filtering.go, ErrReasonNodeLabelNotMatch (UnschedulableAndUnresolvable).</summary>
    public const string TopologySpreadMissingLabel = TopologySpread + " (missing required label)";

    /// <summary>default_preemption.go via preemption.go, Preempt: a pod that may not preempt.</summary>
    public const string PreemptionNever = "not eligible due to preemptionPolicy=Never.";

    /// <summary>noderesources/fit.go, fitsRequest: <c>Insufficient cpu</c>, <c>Insufficient memory</c>, ….</summary>
    public static string Insufficient(string resource) => "Insufficient " + resource;

    /// <summary>defaultpreemption: a candidate node without lower-priority pods to evict.</summary>
    public const string NoPreemptionVictims = "No preemption victims found for incoming pod";

    /// <summary>preemption.go, nodesWherePreemptionMightHelp: nodes rejected as UnschedulableAndUnresolvable.</summary>
    public const string PreemptionNotHelpful = "Preemption is not helpful for scheduling";

    /// <summary>schedule_one.go, ErrNoNodesAvailable: the whole message when the cluster has no nodes.</summary>
    public const string NoNodesAvailable = "no nodes available to schedule pods";

    /// <summary>dynamicresources.go, PostFilter of a pod without resource claims (DRA on by default from 1.34).</summary>
    public const string NoClaimsToDeallocate = "no new claims to deallocate";

    /// <summary>The release whose TaintToleration reason stopped naming the taint (PRs #134740, #135023).</summary>
    public static KubeVersion GenericTaintReasonSince { get; } = new(1, 35);

    /// <summary>The release that enabled dynamic resource allocation, and with it its PostFilter message, by default.</summary>
    public static KubeVersion DynamicResourcesSince { get; } = new(1, 34);

    /// <summary>
    /// TaintToleration's reason for the first untolerated NoSchedule/NoExecute taint: since 1.35 it no longer names
    /// the taint; before, <c>{key: value}</c> (an empty value prints <c>{key: }</c>).
    /// </summary>
    public static string UntoleratedTaint(Taint taint, KubeVersion version)
    {
        ArgumentNullException.ThrowIfNull(taint);
        return version >= GenericTaintReasonSince
            ? "node(s) had untolerated taint(s)"
            : $"node(s) had untolerated taint {{{taint.Key}: {taint.Value}}}";
    }

    /// <summary>
    /// The reason for nodes a PreFilter result left out (a DaemonSet pod bound to one node): since 1.31 (PR #125197)
    /// <c>node(s) didn't satisfy plugin(s) [NodeAffinity]</c>; 1.25–1.30 (PR #119779 and its backports)
    /// <c>node is filtered out by the prefilter result</c>; before, such nodes were not reported (null).
    /// </summary>
    public static string? FilteredOutByPreFilter(string plugin, KubeVersion version) =>
        version >= new KubeVersion(1, 31) ? $"node(s) didn't satisfy plugin(s) [{plugin}]"
        : version >= new KubeVersion(1, 25) ? "node is filtered out by the prefilter result"
        : null;
}
