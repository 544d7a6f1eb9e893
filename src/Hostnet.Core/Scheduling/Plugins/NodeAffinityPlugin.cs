using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Cache;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Semantics.Placement;

namespace Hostnet.Core.Scheduling.Plugins;

/// <summary>
/// pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go (v1.35): PreFilter narrows the nodes to those a
/// <c>matchFields metadata.name In</c> term names (DaemonSet pods); Filter checks <c>nodeSelector</c> and required
/// node affinity.
/// </summary>
internal sealed class NodeAffinityPlugin : INodeFilterPlugin
{
    /// <summary>ErrReasonPod.</summary>
    public const string ErrReasonPod = "node(s) didn't match Pod's node affinity/selector";

    private static readonly FilterStatus Mismatch = FilterStatus.Unresolvable(PluginNames.NodeAffinity, ErrReasonPod);

    public string Name => PluginNames.NodeAffinity;

    /// <summary>
    /// Whether the node meets <c>nodeSelector</c> and required node affinity (GetRequiredNodeAffinity(pod).Match, which
    /// the kubelet's admission asks too).
    /// </summary>
    public static bool Fits(NodeEligibility pod, Node node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        return pod.Affinity.Matches(node);
    }

    public FilterStatus Filter(NodeEligibility pod, Node node) => Fits(pod, node) ? FilterStatus.Success : Mismatch;

    public PreFilterResult PreFilter(PodInfo pod, ClusterState state)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return new(node => Filter(pod.Spec.Eligibility, node.Node), pod.Spec.PreFilterNodeNames);
    }
}
