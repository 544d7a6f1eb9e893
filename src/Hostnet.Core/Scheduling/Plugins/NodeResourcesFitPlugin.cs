using Hostnet.Core.Scheduling.Cache;
using Hostnet.Core.Scheduling.Framework;

namespace Hostnet.Core.Scheduling.Plugins;

/// <summary>
/// pkg/scheduler/framework/plugins/noderesources/fit.go (v1.35, Fits and fitsRequest): every pod counts against
/// allocatable <c>pods</c>; CPU, memory and ephemeral storage only when the pod requests them, each insufficient one
/// a reason.
/// </summary>
internal sealed class NodeResourcesFitPlugin : IFilterPlugin
{
    /// <summary>fitsRequest's reason when the node runs as many pods as it allows.</summary>
    public const string ErrReasonTooManyPods = "Too many pods";

    private static readonly InsufficientResource[] Enough = [];

    public string Name => PluginNames.NodeResourcesFit;

    /// <summary>fitsRequest's reason for a resource the pod requests beyond what is free: <c>Insufficient cpu</c>, ….</summary>
    public static string ErrReasonInsufficient(string resource) => "Insufficient " + resource;

    /// <summary>
    /// Fits: what the node lacks for the pod, in fitsRequest's order (pods, cpu, memory, ephemeral-storage); empty when
    /// the pod fits. The kubelet's admission reports the first.
    /// </summary>
    public static IReadOnlyList<InsufficientResource> Fits(PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        List<InsufficientResource>? insufficient = null;
        if (node.PodCount + 1 > node.AllowedPods)
        {
            (insufficient ??= []).Add(new("pods", ErrReasonTooManyPods, 1, node.PodCount, node.AllowedPods));
        }

        var (request, used, capacity) = (pod.Spec.Requests, node.Requested, node.Allocatable);
        if (request.MilliCpu > 0 && request.MilliCpu > capacity.MilliCpu - used.MilliCpu)
        {
            (insufficient ??= []).Add(new("cpu", ErrReasonInsufficient("cpu"), request.MilliCpu, used.MilliCpu, capacity.MilliCpu));
        }

        if (request.Memory > 0 && request.Memory > capacity.Memory - used.Memory)
        {
            (insufficient ??= []).Add(new("memory", ErrReasonInsufficient("memory"), request.Memory, used.Memory, capacity.Memory));
        }

        if (request.EphemeralStorage > 0 && request.EphemeralStorage > capacity.EphemeralStorage - used.EphemeralStorage)
        {
            (insufficient ??= []).Add(new("ephemeral-storage", ErrReasonInsufficient("ephemeral-storage"), request.EphemeralStorage, used.EphemeralStorage, capacity.EphemeralStorage));
        }

        return insufficient ?? (IReadOnlyList<InsufficientResource>)Enough;
    }

    public PreFilterResult PreFilter(PodInfo pod, ClusterState state)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return new(node => Fits(pod, node) is { Count: > 0 } insufficient
            ? new FilterStatus(StatusCode.Unschedulable, Name, [.. insufficient.Select(r => r.Reason)])
            : FilterStatus.Success);
    }
}
