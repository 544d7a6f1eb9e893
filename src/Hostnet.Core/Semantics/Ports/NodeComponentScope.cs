namespace Hostnet.Core.Semantics.Ports;

/// <summary>Which nodes hold a node component's port (SEMANTICS.md §10), as <see cref="NodeComponentPorts.HeldOn"/> decides.</summary>
public enum NodeComponentScope
{
    /// <summary>Every node, because <c>reservedPorts</c> in <c>.hostnet.yaml</c> says so (the default of a configured entry).</summary>
    ReservedByConfiguration,

    /// <summary>Every node: the kubelet's ports and the Service NodePort range.</summary>
    EveryNode,

    /// <summary>Nodes labelled as control plane, and any node where a pod of the owner's image runs (a static pod elsewhere).</summary>
    ControlPlaneNodes,

    /// <summary>
    /// Only nodes where a pod of the owner's image runs: kube-proxy and the CNI agents run as DaemonSets on most
    /// clusters, but not on every node (Windows nodes, clusters without kube-proxy), and the input shows where.
    /// </summary>
    WhereOwnerRuns,
}
