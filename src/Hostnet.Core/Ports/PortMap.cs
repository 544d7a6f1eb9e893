namespace Hostnet.Core.Ports;

/// <summary>The host-port map of a cluster (<c>hostnet ports</c>).</summary>
/// <param name="EveryNode">Ports taken on every node: the kubelet's, the NodePort range and the Services' node ports.</param>
/// <param name="Nodes">Per node, the ports its pods and components hold.</param>
/// <param name="Unplaced">Pods of the manifests' host-port or host-network workloads that would not run (Pending, rejected), with their status.</param>
public sealed record PortMap(IReadOnlyList<PortUse> EveryNode, IReadOnlyList<NodePortUses> Nodes, IReadOnlyList<string> Unplaced);
