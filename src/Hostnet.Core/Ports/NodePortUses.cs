namespace Hostnet.Core.Ports;

/// <summary>The ports in use on one node beyond those taken on every node, sorted by port and protocol.</summary>
public sealed record NodePortUses(string Node, IReadOnlyList<PortUse> Ports);
