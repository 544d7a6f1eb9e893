using Hostnet.Core.Semantics.Placement;

namespace Hostnet.Core.Scheduling.Plugins;

/// <summary>
/// pkg/scheduler/framework/plugins/noderesources/fit.go (fitsRequest): every pod counts against allocatable
/// <c>pods</c>; CPU, memory and ephemeral storage only when the pod requests them, each insufficient one a reason.
/// </summary>
public sealed class NodeResourcesFitPlugin : IFilterPlugin
{
    public string Name => "NodeResourcesFit";

    public bool NodeOnly => false;

    public PreFilterResult PreFilter(PodInfo pod, ClusterState state)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var request = pod.Spec.Requests;
        return new(node =>
        {
            List<string>? reasons = null;
            if (node.PodCount + 1 > node.AllowedPods)
            {
                (reasons ??= []).Add(SchedulerReasons.TooManyPods);
            }

            var free = node.Allocatable - node.Requested;
            if (request.MilliCpu > 0 && request.MilliCpu > free.MilliCpu)
            {
                (reasons ??= []).Add(SchedulerReasons.Insufficient("cpu"));
            }

            if (request.Memory > 0 && request.Memory > free.Memory)
            {
                (reasons ??= []).Add(SchedulerReasons.Insufficient("memory"));
            }

            if (request.EphemeralStorage > 0 && request.EphemeralStorage > free.EphemeralStorage)
            {
                (reasons ??= []).Add(SchedulerReasons.Insufficient("ephemeral-storage"));
            }

            return reasons is null ? FilterStatus.Success : new FilterStatus(StatusCode.Unschedulable, Name, reasons);
        });
    }
}
