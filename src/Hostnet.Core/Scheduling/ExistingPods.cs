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
    /// <param name="shared">
    /// What the pods seen so far share (their owners' names, the host ports and requests of their containers), so that
    /// the pods of one controller hold one copy.
    /// </param>
    public static PodInfo Info(ClusterPod existing, string @namespace, SharedPodParts shared)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(shared);
        var pod = existing.Pod;
        var owner = existing.Controller is { } controller ? shared.OwnerName(controller) : pod.DisplayName;
        var spec = SchedulingSpec.ForPod(pod.Spec, shared.HostPorts(pod.Spec), shared.Requests(pod.Spec));
        return new PodInfo(@namespace, pod.Name, pod.Metadata.Labels, spec, owner) { Terminating = existing.Status.Terminating };
    }
}
