namespace Hostnet.Core.NodeState;

/// <summary>A waiting socket of the node and the processes holding it (sorted by PID; a forked server shares its socket).</summary>
public sealed record ScannedListener(NodeSocket Socket, IReadOnlyList<NodeProcess> Processes)
{
    /// <summary>The first holder, as <c>ss</c> lists it first; null when no process could be found.</summary>
    public NodeProcess? Holder => Processes.Count > 0 ? Processes[0] : null;
}
