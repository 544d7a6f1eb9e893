using System.Globalization;
using Hostnet.Core.Cluster;
using Hostnet.Core.Model;

namespace Hostnet.Core.Scheduling.Rollouts;

/// <summary>
/// Which pods of a snapshot belong to a workload, as its controller finds them: same namespace, the controlling
/// owner reference (a Deployment's pods are owned by its ReplicaSets, named <c>&lt;deployment&gt;-&lt;hash&gt;</c>)
/// and, where the workload has one, its selector.
/// </summary>
public static class RolloutOwnership
{
    public static bool Owns(Workload workload, string @namespace, ClusterPod pod)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(pod);
        if ((pod.Pod.Metadata.Namespace ?? "default") != @namespace || pod.Controller is not { } owner)
        {
            return false;
        }

        var byOwner = workload.Kind == "Deployment"
            ? owner.Kind == "ReplicaSet" && owner.Name.StartsWith(workload.Name + "-", StringComparison.Ordinal)
            : owner.Kind == workload.Kind && owner.Name == workload.Name;
        return byOwner && (workload.Selector?.Matches(pod.Pod.Metadata.Labels) ?? true);
    }

    /// <summary>The ordinal of a StatefulSet pod (<c>&lt;name&gt;-&lt;ordinal&gt;</c>), or -1.</summary>
    public static int Ordinal(Workload statefulSet, ClusterPod pod)
    {
        ArgumentNullException.ThrowIfNull(statefulSet);
        ArgumentNullException.ThrowIfNull(pod);
        var prefix = statefulSet.Name + "-";
        return pod.Pod.Name.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(pod.Pod.Name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal)
            ? ordinal
            : -1;
    }
}
