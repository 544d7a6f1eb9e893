using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Framework;


namespace Hostnet.Core.Scheduling;

/// <summary>The pods of a snapshot as the scheduler sees them.</summary>
internal static class ExistingPods
{
    /// <summary>
    /// The pod as the scheduler holds it: owned by its controller (from <c>ownerReferences</c>) or by itself, still
    /// holding its node while terminating.
    /// </summary>
    public static PodInfo Info(ClusterPod existing, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var pod = existing.Pod;
        var owner = existing.Controller is { } controller ? $"{controller.Kind}/{controller.Name}" : pod.DisplayName;
        return new PodInfo(@namespace, pod.Name, pod.Metadata.Labels, SchedulingSpec.ForPod(pod.Spec), owner) { Terminating = existing.Status.Terminating };
    }
}
