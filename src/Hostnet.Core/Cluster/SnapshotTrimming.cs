using System.Text.Json;

namespace Hostnet.Core.Cluster;

/// <summary>
/// Which fields of a snapshot's objects the engine reads. The rest is skipped unread: <c>managedFields</c> and the
/// <c>last-applied-configuration</c> annotation (together often half of what kubectl prints), volumes and their
/// mounts, and all of <c>status</c> but the pod's phase, conditions and IPs and the node's allocatable and addresses
/// (a node's <c>status.images</c> alone can be tens of kilobytes).
/// </summary>
internal static class SnapshotTrimming
{
    /// <summary>The scope of the value of the property the reader is on, or null to skip the value.</summary>
    public static SnapshotScope? Child(SnapshotScope parent, ref readonly Utf8JsonReader property) => parent switch
    {
        SnapshotScope.Root => property.ValueTextEquals("metadata"u8) ? SnapshotScope.Metadata
            : property.ValueTextEquals("spec"u8) ? SnapshotScope.Spec
            : property.ValueTextEquals("status"u8) ? SnapshotScope.Status
            : SnapshotScope.Whole,
        SnapshotScope.Metadata => property.ValueTextEquals("managedFields"u8) ? null
            : property.ValueTextEquals("annotations"u8) ? SnapshotScope.Annotations
            : SnapshotScope.Whole,
        SnapshotScope.Annotations => property.ValueTextEquals("kubectl.kubernetes.io/last-applied-configuration"u8) ? null : SnapshotScope.Whole,
        SnapshotScope.Status => KeptStatus(in property) ? SnapshotScope.Whole : null,
        SnapshotScope.Spec => property.ValueTextEquals("volumes"u8) || property.ValueTextEquals("volumeMounts"u8) ? null
            : property.ValueTextEquals("metadata"u8) ? SnapshotScope.Metadata
            : SnapshotScope.Spec,
        _ => SnapshotScope.Whole,
    };

    /// <summary>The kinds a snapshot is read for; an object of another kind is read up to its <c>kind</c> and skipped.</summary>
    public static bool IsWanted(string kind) => kind is "Node" or "Pod" or "Namespace" or "Service"
        or "Deployment" or "DaemonSet" or "StatefulSet" or "ReplicaSet" or "ReplicationController" or "Job" or "CronJob";

    private static bool KeptStatus(ref readonly Utf8JsonReader property) =>
        property.ValueTextEquals("phase"u8)
        || property.ValueTextEquals("conditions"u8)
        || property.ValueTextEquals("hostIP"u8)
        || property.ValueTextEquals("podIP"u8)
        || property.ValueTextEquals("allocatable"u8)
        || property.ValueTextEquals("addresses"u8);
}
