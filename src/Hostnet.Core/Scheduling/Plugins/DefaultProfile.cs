using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Semantics.Placement;

namespace Hostnet.Core.Scheduling.Plugins;

/// <summary>
/// The filter plugins of the default profile, in order (pkg/scheduler/apis/config/v1/default_plugins.go, v1.35): the
/// node-only ones first, written here once for the <see cref="Scheduler"/> and for the questions asked of a bare node
/// (the DaemonSet controller's, the rules'). The volume plugins between NodeResourcesFit and PodTopologySpread have
/// nothing to check for the pods hostnet models.
/// </summary>
internal static class DefaultProfile
{
    private static readonly IReadOnlyList<INodeFilterPlugin> LatestNodeFilters = NodeFilters(KubeVersion.Latest);

    /// <summary>NodeUnschedulable, NodeName, TaintToleration, NodeAffinity: the filters that read the pod and the node alone.</summary>
    public static IReadOnlyList<INodeFilterPlugin> NodeFilters(KubeVersion version) =>
    [
        new NodeUnschedulablePlugin(),
        new NodeNamePlugin(),
        new TaintTolerationPlugin(version),
        new NodeAffinityPlugin(),
    ];

    /// <summary>Every filter plugin, in profile order.</summary>
    public static IReadOnlyList<IFilterPlugin> Filters(KubeVersion version) =>
    [
        .. NodeFilters(version),
        new NodePortsPlugin(),
        new NodeResourcesFitPlugin(),
        new PodTopologySpreadPlugin(),
        new InterPodAffinityPlugin(),
    ];

    /// <summary>The first node-only filter that rejects the node, with its reason in this release's words, or success.</summary>
    public static FilterStatus FilterNode(NodeEligibility pod, Node node, KubeVersion version) => FilterNode(NodeFilters(version), pod, node);

    /// <summary>Whether every node-only filter passes the node (the version only changes the wording of a rejection).</summary>
    public static bool Admits(NodeEligibility pod, Node node) => FilterNode(LatestNodeFilters, pod, node).IsSuccess;

    private static FilterStatus FilterNode(IReadOnlyList<INodeFilterPlugin> filters, NodeEligibility pod, Node node)
    {
        foreach (var filter in filters)
        {
            if (filter.Filter(pod, node) is { IsSuccess: false } status)
            {
                return status;
            }
        }

        return FilterStatus.Success;
    }
}
