namespace Hostnet.Core.NodeState;

/// <summary>Who a listener belongs to.</summary>
public enum OwnerKind
{
    /// <summary>A process whose cgroup names a pod.</summary>
    Pod,

    /// <summary>A process of the node's network namespace in no pod: sshd, the kubelet, a packaged exporter.</summary>
    NodeDaemon,

    /// <summary>No process holds the socket that could be read (the kernel's own, or one the agent may not see).</summary>
    Unknown,
}
