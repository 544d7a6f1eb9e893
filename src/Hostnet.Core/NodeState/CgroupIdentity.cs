namespace Hostnet.Core.NodeState;

/// <summary>What a process's cgroup says of it: the pod (by UID) and the runtime container it runs in.</summary>
/// <param name="PodUid">The pod's <c>metadata.uid</c>, with dashes; null for a process in no pod.</param>
/// <param name="ContainerId">The runtime's container ID (64 hexadecimal digits); null outside a container, or for a
/// pod-level process such as CRI-O's <c>conmon</c>.</param>
/// <param name="QosClass"><c>Guaranteed</c>, <c>Burstable</c> or <c>BestEffort</c>, from the kubelet's cgroup names.</param>
public sealed record CgroupIdentity(string? PodUid, string? ContainerId, string? QosClass)
{
    public static CgroupIdentity None { get; } = new(null, null, null);
}
