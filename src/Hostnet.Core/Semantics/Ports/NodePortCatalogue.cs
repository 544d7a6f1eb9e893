using Hostnet.Core.Diagnostics;

namespace Hostnet.Core.Semantics.Ports;

/// <summary>
/// Ports that the node's own components hold (SEMANTICS.md §10), plus ports commonly taken on nodes (22, 53, 80, 443)
/// and the Service NodePort range. Sources: kubernetes/kubernetes pkg/cluster/ports/ports.go; kubernetes/website
/// reference/networking/ports-and-protocols.md; the network requirements of Calico and Cilium
/// (cilium Documentation/operations/system_requirements.rst). Cilium's pprof ports (6060–6062) are left out: they
/// are off unless <c>--pprof</c> is set.
/// </summary>
public static class NodePortCatalogue
{
    /// <summary>The <see cref="NodeReservedPort.Where"/> of components on every node.</summary>
    public const string EveryNode = "on every node";

    /// <summary>The <see cref="NodeReservedPort.Where"/> of control-plane components.</summary>
    public const string ControlPlane = "on control-plane nodes";

    private const string Tcp = "TCP";
    private const string Udp = "UDP";
    private const string Both = "TCP+UDP";
    private const string KubeProxyNodes = "on every node that runs kube-proxy";
    private const string CalicoNodes = "on nodes that run Calico";
    private const string CiliumNodes = "on nodes that run Cilium";

    /// <summary>The built-in catalogue.</summary>
    public static IReadOnlyList<NodeReservedPort> Entries { get; } =
    [
        Entry(10250, Tcp, "the kubelet API", EveryNode, Severity.Error),
        Entry(10248, Tcp, "the kubelet's health check (127.0.0.1)", EveryNode, Severity.Error),
        Entry(6443, Tcp, "the kube-apiserver", ControlPlane, Severity.Error, "kube-apiserver"),
        Entry(2379, 2380, Tcp, "etcd's client and peer ports (2379-2380)", ControlPlane, Severity.Warning, "etcd"),
        Entry(2381, Tcp, "etcd's metrics endpoint (kubeadm, 127.0.0.1)", ControlPlane, Severity.Warning, "etcd"),
        Entry(10249, Tcp, "kube-proxy's metrics endpoint (127.0.0.1)", KubeProxyNodes, Severity.Warning, "kube-proxy"),
        Entry(10256, Tcp, "kube-proxy's health check", KubeProxyNodes, Severity.Warning, "kube-proxy"),
        Entry(10257, Tcp, "the kube-controller-manager", ControlPlane, Severity.Warning, "kube-controller-manager"),
        Entry(10258, Tcp, "the cloud-controller-manager", ControlPlane, Severity.Warning, "cloud-controller-manager"),
        Entry(10259, Tcp, "the kube-scheduler", ControlPlane, Severity.Warning, "kube-scheduler"),
        new NodeReservedPort(30000, 32767, Both, "the Service NodePort range (30000-32767)", Severity.Warning) { Where = EveryNode, IsNodePortRange = true },
        Entry(179, Tcp, "BGP speakers such as Calico's BIRD", CalicoNodes, Severity.Warning, "calico/node", "calico/calico", "kube-router", "frrouting/frr"),
        Entry(4789, Udp, "the VXLAN device of Calico (and Canal, flannel)", CalicoNodes, Severity.Warning, "calico/node", "calico/calico", "flannel"),
        Entry(5473, Tcp, "Calico Typha", CalicoNodes, Severity.Warning, "calico/typha", "calico/calico"),
        Entry(9099, Tcp, "Calico Felix's health check (127.0.0.1)", CalicoNodes, Severity.Warning, "calico/node", "calico/calico"),
        Entry(51820, 51821, Udp, "Calico's WireGuard tunnels (51820-51821)", CalicoNodes, Severity.Warning, "calico/node", "calico/calico"),
        Entry(8472, Udp, "the VXLAN device of Cilium and flannel", "on nodes that run Cilium or flannel", Severity.Warning, "cilium/cilium", "flannel"),
        Entry(4240, Tcp, "cilium-health", CiliumNodes, Severity.Warning, "cilium/cilium"),
        Entry(4244, Tcp, "the Hubble server", CiliumNodes, Severity.Warning, "cilium/cilium"),
        Entry(4245, Tcp, "Hubble Relay", CiliumNodes, Severity.Warning, "cilium/hubble-relay"),
        Entry(9962, Tcp, "cilium-agent's metrics endpoint", CiliumNodes, Severity.Warning, "cilium/cilium"),
        Entry(9963, Tcp, "cilium-operator's metrics endpoint", CiliumNodes, Severity.Warning, "cilium/operator"),
        Entry(9964, Tcp, "cilium-envoy's metrics endpoint", CiliumNodes, Severity.Warning, "cilium/cilium"),
        Entry(9878, 9879, Tcp, "the health endpoints of cilium-envoy and cilium-health (127.0.0.1)", CiliumNodes, Severity.Warning, "cilium/cilium"),
        Entry(9890, 9893, Tcp, "Cilium's gops agents (127.0.0.1)", CiliumNodes, Severity.Warning, "cilium/"),
        Entry(51871, Udp, "Cilium's WireGuard tunnel", CiliumNodes, Severity.Warning, "cilium/cilium"),
        Entry(22, Tcp, "sshd", "on most nodes", Severity.Warning),
        Entry(53, Both, "DNS resolvers (systemd-resolved, dnsmasq, NodeLocal DNSCache)", "on many nodes", Severity.Warning, "k8s-dns-node-cache", "coredns"),
        Entry(80, Tcp, "ingress controllers and other web front ends", "on many nodes", Severity.Warning),
        Entry(443, Tcp, "ingress controllers and other web front ends", "on many nodes", Severity.Warning),
    ];

    /// <summary>The entry covering a port: ports reserved by configuration first, then the built-in catalogue.</summary>
    public static NodeReservedPort? Find(int port, string protocol, IReadOnlyList<NodeReservedPort> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        return configured.FirstOrDefault(p => p.Covers(port, protocol)) ?? Entries.FirstOrDefault(p => p.Covers(port, protocol));
    }

    private static NodeReservedPort Entry(int port, string protocol, string owner, string where, Severity severity, params string[] ownerImages) =>
        Entry(port, port, protocol, owner, where, severity, ownerImages);

    private static NodeReservedPort Entry(int from, int to, string protocol, string owner, string where, Severity severity, params string[] ownerImages) =>
        new(from, to, protocol, owner, severity) { Where = where, OwnerImages = ownerImages };
}
