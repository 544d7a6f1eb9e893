using Hostnet.Core.Model;


namespace Hostnet.Core.NodeState;

/// <summary>Who a listener belongs to: a pod (and its container), a node daemon, or nobody the agent can name.</summary>
/// <param name="Pod">The pod of the API; null for a daemon, or a pod UID the API does not know (yet, or any more).</param>
/// <param name="PodUid">The pod UID from the cgroup.</param>
/// <param name="Container">The container's name in the pod spec, when the runtime container is in the pod's status.</param>
/// <param name="Daemon">The program's name, for a node daemon.</param>
public sealed record ListenerOwner(OwnerKind Kind, ClusterPod? Pod, string? PodUid, string? Container, string? Daemon)
{
    public static ListenerOwner Unknown { get; } = new(OwnerKind.Unknown, null, null, null, null);

    /// <summary>The OWNER column: <c>namespace/pod/container</c>, <c>pod &lt;uid&gt;</c>, the daemon's name, or <c>-</c>.</summary>
    public override string ToString() => Kind switch
    {
        OwnerKind.Pod when Pod is not null => $"{Pod.Pod.Metadata.Namespace}/{Pod.Pod.Name}" + (Container is null ? string.Empty : "/" + Container),
        OwnerKind.Pod => $"pod {PodUid}",
        OwnerKind.NodeDaemon => Daemon ?? "-",
        _ => "-",
    };

    /// <summary>Whether it is this pod (by UID, so a deleted and re-created pod of the same name is another).</summary>
    public bool Is(ClusterPod pod) => Kind == OwnerKind.Pod && PodUid is not null && PodUid == pod.Pod.Metadata.Uid;
}
