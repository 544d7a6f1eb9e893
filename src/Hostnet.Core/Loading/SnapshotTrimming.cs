using System.Text.Json;

namespace Hostnet.Core.Loading;

/// <summary>
/// Which fields of a snapshot's objects the engine reads. The rest is skipped unread: <c>managedFields</c> and the
/// <c>last-applied-configuration</c> annotation (together often half of what kubectl prints), the bookkeeping of
/// <c>metadata</c> (resourceVersion, timestamps), volumes and their mounts and other container fields no rule
/// reads, and all of <c>status</c> but the pod's phase, conditions (without their times), IPs and container statuses
/// (their names, IDs and states: the agent maps runtime containers to pods), the node's allocatable and addresses
/// (a node's <c>status.images</c> alone can be tens of kilobytes), and the counts and conditions of controllers.
/// </summary>
internal static class SnapshotTrimming
{
    /// <summary>The scope of the value of the property the reader is on, or null to skip the value.</summary>
    /// <param name="kind">The object's kind when already read (kubectl prints it before metadata, spec and status).</param>
    public static SnapshotScope? Child(SnapshotScope parent, ref readonly Utf8JsonReader property, string? kind) => parent switch
    {
        SnapshotScope.Root => property.ValueTextEquals("metadata"u8) ? SnapshotScope.Metadata
            : property.ValueTextEquals("spec"u8) ? SnapshotScope.Spec
            : property.ValueTextEquals("status"u8) ? StatusOf(kind)
            : SnapshotScope.Whole,
        SnapshotScope.Metadata => property.ValueTextEquals("annotations"u8) ? SnapshotScope.Annotations
            : KeptMetadata(in property) ? SnapshotScope.Whole
            : null,
        SnapshotScope.Annotations => property.ValueTextEquals("kubectl.kubernetes.io/last-applied-configuration"u8) ? null : SnapshotScope.Whole,
        SnapshotScope.PodStatus => property.ValueTextEquals("conditions"u8) ? SnapshotScope.PodCondition
            : property.ValueTextEquals("containerStatuses"u8) || property.ValueTextEquals("initContainerStatuses"u8) ? SnapshotScope.ContainerStatus
            : KeptPodStatus(in property) ? SnapshotScope.Whole
            : null,
        SnapshotScope.PodCondition => KeptPodCondition(in property) ? SnapshotScope.Whole : null,
        SnapshotScope.ContainerStatus => KeptContainerStatus(in property) ? SnapshotScope.Whole : null,
        SnapshotScope.NodeStatus => KeptNodeStatus(in property) ? SnapshotScope.Whole : null,
        SnapshotScope.Status => KeptPodStatus(in property) || KeptNodeStatus(in property) ? SnapshotScope.Whole : null,
        SnapshotScope.Spec => SkippedInSpec(in property) ? null
            : property.ValueTextEquals("metadata"u8) ? SnapshotScope.Metadata
            : SnapshotScope.Spec,
        _ => SnapshotScope.Whole,
    };

    /// <summary>The kinds a snapshot is read for; an object of another kind is read up to its <c>kind</c> and skipped.</summary>
    public static bool IsWanted(string kind) => kind is "Node" or "Pod" or "Namespace" or "Service" or "NetworkPolicy"
        or "Deployment" or "DaemonSet" or "StatefulSet" or "ReplicaSet" or "ReplicationController" or "Job" or "CronJob";

    private static SnapshotScope? StatusOf(string? kind) => kind switch
    {
        "Pod" => SnapshotScope.PodStatus,
        "Node" => SnapshotScope.NodeStatus,
        // Replica and scheduling counts and conditions, which the audit compares with the pods that run.
        "Deployment" or "DaemonSet" or "StatefulSet" or "ReplicaSet" => SnapshotScope.Whole,
        null => SnapshotScope.Status,
        _ => null,
    };

    private static bool KeptMetadata(ref readonly Utf8JsonReader property) =>
        property.ValueTextEquals("name"u8)
        || property.ValueTextEquals("namespace"u8)
        || property.ValueTextEquals("uid"u8)
        || property.ValueTextEquals("labels"u8)
        || property.ValueTextEquals("ownerReferences"u8)
        || property.ValueTextEquals("deletionTimestamp"u8);

    private static bool KeptPodStatus(ref readonly Utf8JsonReader property) =>
        property.ValueTextEquals("phase"u8)
        || property.ValueTextEquals("conditions"u8)
        || property.ValueTextEquals("hostIP"u8)
        || property.ValueTextEquals("podIP"u8)
        || property.ValueTextEquals("containerStatuses"u8)
        || property.ValueTextEquals("initContainerStatuses"u8);

    /// <summary>What ObjectReader.ReadConditions reads: not the times of the probes and transitions.</summary>
    private static bool KeptPodCondition(ref readonly Utf8JsonReader property) =>
        property.ValueTextEquals("type"u8)
        || property.ValueTextEquals("status"u8)
        || property.ValueTextEquals("reason"u8)
        || property.ValueTextEquals("message"u8);

    /// <summary>What ObjectReader.ReadPodStatus reads of a container's status: not its image, readiness or restarts.</summary>
    private static bool KeptContainerStatus(ref readonly Utf8JsonReader property) =>
        property.ValueTextEquals("name"u8)
        || property.ValueTextEquals("containerID"u8)
        || property.ValueTextEquals("state"u8);

    private static bool KeptNodeStatus(ref readonly Utf8JsonReader property) =>
        property.ValueTextEquals("allocatable"u8)
        || property.ValueTextEquals("addresses"u8);

    private static bool SkippedInSpec(ref readonly Utf8JsonReader property) =>
        property.ValueTextEquals("volumes"u8)
        || property.ValueTextEquals("volumeMounts"u8)
        || property.ValueTextEquals("terminationMessagePath"u8)
        || property.ValueTextEquals("terminationMessagePolicy"u8)
        || property.ValueTextEquals("imagePullPolicy"u8)
        || property.ValueTextEquals("serviceAccount"u8)
        || property.ValueTextEquals("serviceAccountName"u8)
        || property.ValueTextEquals("enableServiceLinks"u8)
        || property.ValueTextEquals("terminationGracePeriodSeconds"u8);
}
