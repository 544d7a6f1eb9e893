using Hostnet.Core.Model;

namespace Hostnet.Core.Loading;

/// <summary>
/// One object of a snapshot as <see cref="ClusterSnapshotBuilder.Prepare"/> reads it, before the builder records it:
/// the typed object (its source reduced to kind and names) and, for a pod, its status and owners, for a controller,
/// its status.
/// </summary>
internal sealed record SnapshotObject(KubeObject Object, PodStatus? PodStatus, IReadOnlyList<OwnerReference>? OwnerReferences, WorkloadStatus? WorkloadStatus);
