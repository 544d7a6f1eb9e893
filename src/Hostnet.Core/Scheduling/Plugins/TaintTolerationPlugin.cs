using Hostnet.Core.Model;

namespace Hostnet.Core.Scheduling.Plugins;

/// <summary>pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go (Filter); the reason's wording depends on the version.</summary>
public sealed class TaintTolerationPlugin(KubeVersion version) : IFilterPlugin
{
    public string Name => "TaintToleration";

    public bool NodeOnly => true;

    public PreFilterResult PreFilter(PodInfo pod, ClusterState state)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return new(node => pod.Spec.Eligibility.FilterTaints(node.Node, version));
    }
}
