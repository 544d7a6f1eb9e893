namespace Hostnet.Core.NodeState;

/// <summary>What one scan of the node saw.</summary>
/// <param name="Listeners">The waiting sockets of the node's network namespace with their processes.</param>
/// <param name="EphemeralFrom">The first port of <c>net.ipv4.ip_local_port_range</c> (the kernel picks client ports there).</param>
/// <param name="EphemeralTo">The last port of that range.</param>
public sealed record NodeScan(IReadOnlyList<ScannedListener> Listeners, int EphemeralFrom = 32768, int EphemeralTo = 60999)
{
    /// <summary>Whether the kernel may have picked this port itself for a client socket.</summary>
    public bool IsEphemeral(int port) => port >= EphemeralFrom && port <= EphemeralTo;
}
