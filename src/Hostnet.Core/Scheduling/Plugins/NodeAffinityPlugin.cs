namespace Hostnet.Core.Scheduling.Plugins;

/// <summary>
/// pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go: PreFilter narrows the nodes to those a
/// <c>matchFields metadata.name In</c> term names (DaemonSet pods); Filter checks <c>nodeSelector</c> and required
/// node affinity.
/// </summary>
public sealed class NodeAffinityPlugin : IFilterPlugin
{
    public string Name => "NodeAffinity";

    public bool NodeOnly => true;

    public PreFilterResult PreFilter(PodInfo pod, ClusterState state)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return new(node => pod.Spec.Eligibility.FilterAffinity(node.Node), pod.Spec.PreFilterNodeNames);
    }
}
