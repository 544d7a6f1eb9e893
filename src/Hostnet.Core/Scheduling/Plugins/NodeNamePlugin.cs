using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Cache;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Semantics.Placement;

namespace Hostnet.Core.Scheduling.Plugins;

/// <summary>pkg/scheduler/framework/plugins/nodename/node_name.go (v1.35): a pod naming a node fits no other.</summary>
internal sealed class NodeNamePlugin : INodeFilterPlugin
{
    /// <summary>ErrReason.</summary>
    public const string ErrReason = "node(s) didn't match the requested node name";

    private static readonly FilterStatus Mismatch = FilterStatus.Unresolvable(PluginNames.NodeName, ErrReason);

    public string Name => PluginNames.NodeName;

    /// <summary>Fits: the pod names no node, or this one (the kubelet's admission asks it too).</summary>
    public static bool Fits(PodSpec pod, Node node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        return string.IsNullOrEmpty(pod.NodeName) || pod.NodeName == node.Name;
    }

    public FilterStatus Filter(NodeEligibility pod, Node node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return Fits(pod.Spec, node) ? FilterStatus.Success : Mismatch;
    }

    public PreFilterResult PreFilter(PodInfo pod, ClusterState state)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return string.IsNullOrEmpty(pod.Spec.Spec.NodeName) ? PreFilterResult.Skip : new(node => Filter(pod.Spec.Eligibility, node.Node));
    }
}
