namespace Hostnet.NetBench.Datapath;

/// <summary>The datapaths <c>hostnet bench</c> builds and measures, in the order it reports them.</summary>
internal enum BenchMode
{
    /// <summary>Two "nodes" (namespaces) joined by a veth pair, a process in each: host to host.</summary>
    Host,

    /// <summary>As <see cref="Host"/>, but the server runs as a host-network pod would: under a pod's cgroup.</summary>
    HostNetwork,

    /// <summary>Pods behind veths on a Linux bridge per node, routed between nodes (kubenet, flannel host-gw).</summary>
    PodBridge,

    /// <summary>Pod veths without a bridge: /32 routes and proxy ARP on the node side (Calico).</summary>
    PodRouted,

    /// <summary>Pod traffic between nodes inside a VXLAN device with the smaller MTU (flannel VXLAN, Calico VXLAN).</summary>
    PodVxlan,

    /// <summary><see cref="PodBridge"/> reached through a ClusterIP DNAT rule as kube-proxy's iptables mode writes it.</summary>
    Service,
}
