namespace Hostnet.Core.Ports;

/// <summary>Why a host port counts as taken on a node, and whether kube-scheduler's NodePorts filter knows it.</summary>
public enum PortSource
{
    /// <summary>A <c>hostPort</c> (or a container port on host network): the scheduler knows it.</summary>
    Declared,

    /// <summary>A host-network process evidently listens there without declaring it: the scheduler does not know.</summary>
    Inferred,

    /// <summary>A node component (kubelet, kube-proxy, a CNI agent, the control plane): the scheduler does not know.</summary>
    NodeComponent,

    /// <summary>A Service's <c>nodePort</c>, which kube-proxy takes on every node: the scheduler does not know.</summary>
    ServiceNodePort,
}
