namespace Hostnet.Core.Scheduling.Plugins;

/// <summary>pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go.</summary>
public sealed class NodeUnschedulablePlugin : IFilterPlugin
{
    public string Name => "NodeUnschedulable";

    public bool NodeOnly => true;

    public PreFilterResult PreFilter(PodInfo pod, ClusterState state)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return new(node => pod.Spec.Eligibility.FilterUnschedulable(node.Node));
    }
}
