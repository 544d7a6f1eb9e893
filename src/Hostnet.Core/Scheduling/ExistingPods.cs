using System.Runtime.InteropServices;
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
    /// <param name="owners">
    /// The owners' names made so far, for the pods of one controller to share one (a large snapshot runs 150,000 pods
    /// of a few hundred controllers), or null.
    /// </param>
    public static PodInfo Info(ClusterPod existing, string @namespace, Dictionary<OwnerReference, string>? owners = null)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var pod = existing.Pod;
        var owner = existing.Controller is { } controller ? OwnerName(controller, owners) : pod.DisplayName;
        return new PodInfo(@namespace, pod.Name, pod.Metadata.Labels, SchedulingSpec.ForPod(pod.Spec), owner) { Terminating = existing.Status.Terminating };
    }

    private static string OwnerName(OwnerReference controller, Dictionary<OwnerReference, string>? owners)
    {
        if (owners is null)
        {
            return Named(controller);
        }

        ref var name = ref CollectionsMarshal.GetValueRefOrAddDefault(owners, controller, out _);
        return name ??= Named(controller);

        static string Named(OwnerReference controller) => $"{controller.Kind}/{controller.Name}";
    }
}
