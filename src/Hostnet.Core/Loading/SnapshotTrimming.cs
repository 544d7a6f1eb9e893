namespace Hostnet.Core.Loading;

/// <summary>
/// Which fields of a snapshot's objects the engine reads. The rest is skipped unread: <c>managedFields</c> and the
/// <c>last-applied-configuration</c> annotation (together often half of what kubectl prints), the bookkeeping of
/// <c>metadata</c> (resourceVersion, timestamps), volumes and their mounts and other container fields no rule
/// reads (an env var's <c>valueFrom</c>, a probe's timings, path and scheme, preferred affinities, a toleration's
/// seconds, the scheduler's name), the owner references' API versions and UIDs, and all of <c>status</c> but the pod's phase, conditions (without their times), IPs and container statuses
/// (their names, IDs and states: the agent maps runtime containers to pods), the node's allocatable and addresses
/// (a node's <c>status.images</c> alone can be tens of kilobytes), and the counts and conditions of controllers.
/// </summary>
internal static class SnapshotTrimming
{
    /// <summary>The scope of the value of a property (its unescaped UTF-8 name), or null to skip the value.</summary>
    /// <param name="kind">The object's kind when already read (kubectl prints it before metadata, spec and status).</param>
    public static SnapshotScope? Child(SnapshotScope parent, ReadOnlySpan<byte> property, string? kind) => parent switch
    {
        SnapshotScope.Root => property.SequenceEqual("metadata"u8) ? SnapshotScope.Metadata
            : property.SequenceEqual("spec"u8) ? SnapshotScope.Spec
            : property.SequenceEqual("status"u8) ? StatusOf(kind)
            : SnapshotScope.Whole,
        SnapshotScope.Metadata => property.SequenceEqual("annotations"u8) ? SnapshotScope.Annotations
            : property.SequenceEqual("ownerReferences"u8) ? SnapshotScope.OwnerReference
            : KeptMetadata(property) ? SnapshotScope.Whole
            : null,
        SnapshotScope.OwnerReference => KeptOwnerReference(property) ? SnapshotScope.Whole : null,
        SnapshotScope.Annotations => property.SequenceEqual("kubectl.kubernetes.io/last-applied-configuration"u8) ? null : SnapshotScope.Whole,
        SnapshotScope.PodStatus => property.SequenceEqual("conditions"u8) ? SnapshotScope.PodCondition
            : property.SequenceEqual("containerStatuses"u8) || property.SequenceEqual("initContainerStatuses"u8) ? SnapshotScope.ContainerStatus
            : KeptPodStatus(property) ? SnapshotScope.Whole
            : null,
        SnapshotScope.PodCondition => KeptPodCondition(property) ? SnapshotScope.Whole : null,
        SnapshotScope.ContainerStatus => KeptContainerStatus(property) ? SnapshotScope.Whole : null,
        SnapshotScope.NodeStatus => KeptNodeStatus(property) ? SnapshotScope.Whole : null,
        SnapshotScope.Status => KeptPodStatus(property) || KeptNodeStatus(property) ? SnapshotScope.Whole : null,
        SnapshotScope.Spec => KeyedByUsers(property) ? SnapshotScope.Whole
            : SkippedInSpec(property) ? null
            : property.SequenceEqual("metadata"u8) ? SnapshotScope.Metadata
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

    private static bool KeptMetadata(ReadOnlySpan<byte> property) =>
        property.SequenceEqual("name"u8)
        || property.SequenceEqual("namespace"u8)
        || property.SequenceEqual("uid"u8)
        || property.SequenceEqual("labels"u8)
        || property.SequenceEqual("deletionTimestamp"u8);

    /// <summary>What ObjectReader.ReadOwnerReferences reads: not the owner's API version, UID or blockOwnerDeletion.</summary>
    private static bool KeptOwnerReference(ReadOnlySpan<byte> property) =>
        property.SequenceEqual("kind"u8)
        || property.SequenceEqual("name"u8)
        || property.SequenceEqual("controller"u8);

    private static bool KeptPodStatus(ReadOnlySpan<byte> property) =>
        property.SequenceEqual("phase"u8)
        || property.SequenceEqual("conditions"u8)
        || property.SequenceEqual("hostIP"u8)
        || property.SequenceEqual("podIP"u8)
        || property.SequenceEqual("containerStatuses"u8)
        || property.SequenceEqual("initContainerStatuses"u8);

    /// <summary>What ObjectReader.ReadConditions reads: not the times of the probes and transitions.</summary>
    private static bool KeptPodCondition(ReadOnlySpan<byte> property) =>
        property.SequenceEqual("type"u8)
        || property.SequenceEqual("status"u8)
        || property.SequenceEqual("reason"u8)
        || property.SequenceEqual("message"u8);

    /// <summary>What ObjectReader.ReadPodStatus reads of a container's status: not its image, readiness or restarts.</summary>
    private static bool KeptContainerStatus(ReadOnlySpan<byte> property) =>
        property.SequenceEqual("name"u8)
        || property.SequenceEqual("containerID"u8)
        || property.SequenceEqual("state"u8);

    private static bool KeptNodeStatus(ReadOnlySpan<byte> property) =>
        property.SequenceEqual("allocatable"u8)
        || property.SequenceEqual("addresses"u8);

    /// <summary>
    /// Maps below <c>spec</c> whose keys are the user's (labels, resource names), read whole: a label called
    /// <c>path</c> is data, not the field <see cref="SkippedInSpec"/> names.
    /// </summary>
    private static bool KeyedByUsers(ReadOnlySpan<byte> property) =>
        property.SequenceEqual("nodeSelector"u8)
        || property.SequenceEqual("selector"u8)
        || property.SequenceEqual("matchLabels"u8)
        || property.SequenceEqual("requests"u8)
        || property.SequenceEqual("limits"u8)
        || property.SequenceEqual("overhead"u8);

    /// <summary>
    /// Names no part of ObjectReader reads at any depth below <c>spec</c> outside the maps keyed by users (a pod's, a template's, a node's): skipping
    /// them leaves the model as it is, and the tree an item reader builds and drops a fifth smaller.
    /// </summary>
    private static bool SkippedInSpec(ReadOnlySpan<byte> property) =>
        property.SequenceEqual("volumes"u8)
        || property.SequenceEqual("valueFrom"u8)
        || property.SequenceEqual("schedulerName"u8)
        || property.SequenceEqual("tolerationSeconds"u8)
        || property.SequenceEqual("preferredDuringSchedulingIgnoredDuringExecution"u8)
        || property.SequenceEqual("failureThreshold"u8)
        || property.SequenceEqual("successThreshold"u8)
        || property.SequenceEqual("periodSeconds"u8)
        || property.SequenceEqual("timeoutSeconds"u8)
        || property.SequenceEqual("initialDelaySeconds"u8)
        || property.SequenceEqual("path"u8)
        || property.SequenceEqual("scheme"u8)
        || property.SequenceEqual("httpHeaders"u8)
        || property.SequenceEqual("readOnlyRootFilesystem"u8)
        || property.SequenceEqual("volumeMounts"u8)
        || property.SequenceEqual("terminationMessagePath"u8)
        || property.SequenceEqual("terminationMessagePolicy"u8)
        || property.SequenceEqual("imagePullPolicy"u8)
        || property.SequenceEqual("serviceAccount"u8)
        || property.SequenceEqual("serviceAccountName"u8)
        || property.SequenceEqual("enableServiceLinks"u8)
        || property.SequenceEqual("terminationGracePeriodSeconds"u8);
}
