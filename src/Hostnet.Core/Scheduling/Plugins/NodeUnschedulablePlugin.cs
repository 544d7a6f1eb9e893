using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Semantics.Placement;

namespace Hostnet.Core.Scheduling.Plugins;

/// <summary>
/// pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go (v1.35): a cordoned node takes only pods
/// that tolerate its unschedulable taint.
/// </summary>
internal sealed class NodeUnschedulablePlugin : INodeFilterPlugin
{
    /// <summary>ErrReasonUnschedulable.</summary>
    public const string ErrReasonUnschedulable = "node(s) were unschedulable";

    private static readonly FilterStatus Unschedulable = FilterStatus.Unresolvable(PluginNames.NodeUnschedulable, ErrReasonUnschedulable);

    public string Name => PluginNames.NodeUnschedulable;

    public FilterStatus Filter(NodeEligibility pod, Node node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        return node.Unschedulable && !pod.Tolerations.Any(t => t.Tolerates(WellKnownTaints.Unschedulable)) ? Unschedulable : FilterStatus.Success;
    }
}
