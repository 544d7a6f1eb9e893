using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Semantics.Placement;

namespace Hostnet.Core.Scheduling.Plugins;

/// <summary>
/// pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go (Filter): the node's first NoSchedule or
/// NoExecute taint that the pod does not tolerate rejects it; the reason's wording depends on the version.
/// </summary>
internal sealed class TaintTolerationPlugin(KubeVersion version) : INodeFilterPlugin
{
    /// <summary>ErrReasonNotMatch, the description the kubelet gives an untolerated NoExecute taint.</summary>
    public const string ErrReasonNotMatch = "node(s) had taints that the pod didn't tolerate";

    /// <summary>The release whose Filter reason stopped naming the taint (PRs #134740, #135023).</summary>
    public static KubeVersion GenericTaintReasonSince { get; } = new(1, 35);

    public string Name => PluginNames.TaintToleration;

    /// <summary>
    /// The Filter reason for the first untolerated NoSchedule/NoExecute taint: since 1.35 <c>node(s) had untolerated
    /// taint(s)</c>, no longer naming the taint; before, <c>{key: value}</c> (an empty value prints <c>{key: }</c>).
    /// </summary>
    public static string ErrReasonUntolerated(Taint taint, KubeVersion version)
    {
        ArgumentNullException.ThrowIfNull(taint);
        return version >= GenericTaintReasonSince
            ? "node(s) had untolerated taint(s)"
            : $"node(s) had untolerated taint {{{taint.Key}: {taint.Value}}}";
    }

    /// <summary>
    /// What the kubelet checks at admission (pkg/kubelet/lifecycle/predicate.go, Admit): whether the pod tolerates
    /// every NoExecute taint of the node; the scheduler's NoSchedule taints do not concern it.
    /// </summary>
    public static bool ToleratesNoExecute(NodeEligibility pod, Node node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        return !node.Taints.Any(t => t.Effect == WellKnownTaints.NoExecute && !pod.Tolerations.Any(tol => tol.Tolerates(t)));
    }

    public FilterStatus Filter(NodeEligibility pod, Node node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.FirstUntoleratedTaint(node) is { } taint
            ? FilterStatus.Unresolvable(PluginNames.TaintToleration, ErrReasonUntolerated(taint, version))
            : FilterStatus.Success;
    }
}
