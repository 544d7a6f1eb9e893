namespace Hostnet.Core.NodeState;

/// <summary>A listener of the node with its owner, and whether the owner declares its port as the scheduler sees ports.</summary>
/// <param name="Holder">The first process holding it; null when none could be read.</param>
/// <param name="Declared">Whether a container of the owning pod declares the port and protocol (host network: any
/// <c>containerPort</c>; otherwise a <c>hostPort</c>); false for daemons.</param>
public sealed record NodeListener(NodeSocket Socket, NodeProcess? Holder, ListenerOwner Owner, bool Declared)
{
    /// <summary>The holder for a message: <c>node daemon "sshd" (pid 812)</c>, <c>pod ns/name, container "c" (pid 9, "nginx")</c>.</summary>
    public string HolderText
    {
        get
        {
            var process = Holder is null ? $"socket inode {Socket.Inode}" : $"pid {Holder.Pid}, \"{Holder.Name}\"";
            return Owner.Kind switch
            {
                OwnerKind.Pod when Owner.Pod is not null => $"pod {Owner.Pod.Pod.Metadata.Namespace}/{Owner.Pod.Pod.Name}"
                    + (Owner.Container is null ? string.Empty : $", container \"{Owner.Container}\"") + $" ({process})",
                OwnerKind.Pod => $"pod UID {Owner.PodUid}, unknown to the API ({process})",
                OwnerKind.NodeDaemon => $"node daemon \"{Owner.Daemon}\" (pid {Holder!.Pid})",
                _ => $"a process the agent cannot see ({process})",
            };
        }
    }
}
