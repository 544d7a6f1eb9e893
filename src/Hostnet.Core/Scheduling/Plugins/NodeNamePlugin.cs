namespace Hostnet.Core.Scheduling.Plugins;

/// <summary>pkg/scheduler/framework/plugins/nodename/node_name.go.</summary>
public sealed class NodeNamePlugin : IFilterPlugin
{
    public string Name => "NodeName";

    public bool NodeOnly => true;

    public PreFilterResult PreFilter(PodInfo pod, ClusterState state)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return string.IsNullOrEmpty(pod.Spec.Spec.NodeName) ? PreFilterResult.Skip : new(node => pod.Spec.Eligibility.FilterNodeName(node.Node));
    }
}
