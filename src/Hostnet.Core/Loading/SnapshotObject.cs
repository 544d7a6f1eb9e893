using Hostnet.Core.Model;

namespace Hostnet.Core.Loading;

/// <summary>
/// One object of a snapshot as <see cref="ClusterSnapshotBuilder.Prepare"/> reads it, before the builder records it:
/// the typed object (its source reduced to kind and names) and, for a pod, the pod with its status and owners and its
/// equal parts shared, for a controller, its status.
/// </summary>
internal sealed record SnapshotObject(KubeObject Object, ClusterPod? Pod, WorkloadStatus? WorkloadStatus)
{
    /// <summary>A pod, recorded under its shared copy (the same kind, names and source as read).</summary>
    public static SnapshotObject Of(ClusterPod pod) => new(pod.Pod, pod, null);
}
