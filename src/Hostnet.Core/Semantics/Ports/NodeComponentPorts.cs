using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Ports;

/// <summary>
/// Ports that the node's own components hold (SEMANTICS.md §10), plus ports commonly taken on nodes (22, 53, 80, 443)
/// and the Service NodePort range. Sources: kubernetes/kubernetes pkg/cluster/ports/ports.go; kubernetes/website
/// reference/networking/ports-and-protocols.md; the network requirements of Calico and Cilium
/// (cilium Documentation/operations/system_requirements.rst). Cilium's pprof ports (6060–6062) are left out: they
/// are off unless <c>--pprof</c> is set.
/// Which nodes hold an entry is its <see cref="NodeReservedPort.Scope"/>, decided here for <c>plan</c>, <c>ports</c>,
/// <c>check</c> (HN017) and the agent alike (<see cref="HeldOn"/>); <see cref="NodeReservedPort.Where"/> only says it
/// in words.
/// </summary>
internal static class NodeComponentPorts
{
    private const string ControlPlaneLabel = "node-role.kubernetes.io/control-plane";
    private const string MasterLabel = "node-role.kubernetes.io/master";
    private const string Tcp = "TCP";
    private const string Udp = "UDP";
    private const string Both = "TCP+UDP";
    private static readonly Nodes EveryNode = new(NodeComponentScope.EveryNode, "on every node");
    private static readonly Nodes ControlPlane = new(NodeComponentScope.ControlPlaneNodes, "on control-plane nodes");
    private static readonly Nodes KubeProxyNodes = OwnerNodes("on every node that runs kube-proxy");
    private static readonly Nodes CalicoNodes = OwnerNodes("on nodes that run Calico");
    private static readonly Nodes CiliumNodes = OwnerNodes("on nodes that run Cilium");
    private static readonly Nodes CiliumOrFlannelNodes = OwnerNodes("on nodes that run Cilium or flannel");
    private static readonly Nodes MostNodes = OwnerNodes("on most nodes");
    private static readonly Nodes ManyNodes = OwnerNodes("on many nodes");

    /// <summary><see cref="Entries"/> as an array, searched for every host port of every workload without an interface call per entry.</summary>
    private static readonly NodeReservedPort[] Catalogue =
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
        new NodeReservedPort(30000, 32767, Both, "the Service NodePort range (30000-32767)", Severity.Warning) { Scope = EveryNode.Scope, Where = EveryNode.Where, IsNodePortRange = true },
        Entry(179, Tcp, "BGP speakers such as Calico's BIRD", CalicoNodes, Severity.Warning, "calico/node", "calico/calico", "kube-router", "frrouting/frr"),
        Entry(4789, Udp, "the VXLAN device of Calico (and Canal, flannel)", CalicoNodes, Severity.Warning, "calico/node", "calico/calico", "flannel"),
        Entry(5473, Tcp, "Calico Typha", CalicoNodes, Severity.Warning, "calico/typha", "calico/calico"),
        Entry(9099, Tcp, "Calico Felix's health check (127.0.0.1)", CalicoNodes, Severity.Warning, "calico/node", "calico/calico"),
        Entry(51820, 51821, Udp, "Calico's WireGuard tunnels (51820-51821)", CalicoNodes, Severity.Warning, "calico/node", "calico/calico"),
        Entry(8472, Udp, "the VXLAN device of Cilium and flannel", CiliumOrFlannelNodes, Severity.Warning, "cilium/cilium", "flannel"),
        Entry(4240, Tcp, "cilium-health", CiliumNodes, Severity.Warning, "cilium/cilium"),
        Entry(4244, Tcp, "the Hubble server", CiliumNodes, Severity.Warning, "cilium/cilium"),
        Entry(4245, Tcp, "Hubble Relay", CiliumNodes, Severity.Warning, "cilium/hubble-relay"),
        Entry(9962, Tcp, "cilium-agent's metrics endpoint", CiliumNodes, Severity.Warning, "cilium/cilium"),
        Entry(9963, Tcp, "cilium-operator's metrics endpoint", CiliumNodes, Severity.Warning, "cilium/operator"),
        Entry(9964, Tcp, "cilium-envoy's metrics endpoint", CiliumNodes, Severity.Warning, "cilium/cilium"),
        Entry(9878, 9879, Tcp, "the health endpoints of cilium-envoy and cilium-health (127.0.0.1)", CiliumNodes, Severity.Warning, "cilium/cilium"),
        Entry(9890, 9893, Tcp, "Cilium's gops agents (127.0.0.1)", CiliumNodes, Severity.Warning, "cilium/"),
        Entry(51871, Udp, "Cilium's WireGuard tunnel", CiliumNodes, Severity.Warning, "cilium/cilium"),
        Entry(22, Tcp, "sshd", MostNodes, Severity.Warning),
        Entry(53, Both, "DNS resolvers (systemd-resolved, dnsmasq, NodeLocal DNSCache)", ManyNodes, Severity.Warning, "k8s-dns-node-cache", "coredns"),
        Entry(80, Tcp, "ingress controllers and other web front ends", ManyNodes, Severity.Warning),
        Entry(443, Tcp, "ingress controllers and other web front ends", ManyNodes, Severity.Warning),
    ];

    /// <summary>The built-in catalogue (a read-only view: the array itself stays this class's).</summary>
    public static IReadOnlyList<NodeReservedPort> Entries { get; } = Array.AsReadOnly(Catalogue);

    /// <summary>The Service NodePort range (default <c>--service-node-port-range</c>).</summary>
    public static NodeReservedPort NodePortRange { get; } = Entries.First(e => e.IsNodePortRange);

    /// <summary>The entry covering a port: ports reserved by configuration first, then the built-in catalogue.</summary>
    public static NodeReservedPort? Find(int port, string protocol, IReadOnlyList<NodeReservedPort> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        for (var i = 0; i < configured.Count; i++)
        {
            if (configured[i].Covers(port, protocol))
            {
                return configured[i];
            }
        }

        foreach (var entry in Catalogue)
        {
            if (entry.Covers(port, protocol))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>Whether the node is labelled as a control-plane node (kubeadm's label, or the one before 1.24).</summary>
    public static bool IsControlPlane(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Metadata.Labels.ContainsKey(ControlPlaneLabel) || node.Metadata.Labels.ContainsKey(MasterLabel);
    }

    /// <summary>
    /// Whether <paramref name="node"/> holds the entry's port, given whether a pod of the owner's image runs there.
    /// Components scoped to where their owner runs hold nothing on a node the input shows no pod of them on: kubeadm
    /// installs kube-proxy as the DaemonSet kube-system/kube-proxy (cmd/kubeadm/app/phases/addons/proxy/manifests.go),
    /// whose pods the snapshot lists on exactly the nodes it runs on, and clusters that skip it
    /// (<c>kubeadm init --skip-phases=addon/kube-proxy</c>, Cilium's kube-proxy replacement) have none at all.
    /// </summary>
    public static bool HeldOn(NodeReservedPort entry, Node node, bool ownerRunsThere)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Scope switch
        {
            NodeComponentScope.ReservedByConfiguration or NodeComponentScope.EveryNode => true,
            NodeComponentScope.ControlPlaneNodes => ownerRunsThere || IsControlPlane(node),
            _ => ownerRunsThere,
        };
    }

    private static NodeReservedPort Entry(int port, string protocol, string owner, Nodes nodes, Severity severity, params string[] ownerImages) =>
        Entry(port, port, protocol, owner, nodes, severity, ownerImages);

    private static NodeReservedPort Entry(int from, int to, string protocol, string owner, Nodes nodes, Severity severity, params string[] ownerImages) =>
        new(from, to, protocol, owner, severity) { Scope = nodes.Scope, Where = nodes.Where, OwnerImages = ownerImages };

    private static Nodes OwnerNodes(string where) => new(NodeComponentScope.WhereOwnerRuns, where);

    /// <summary>An entry's scope and the words that say it.</summary>
    private sealed record Nodes(NodeComponentScope Scope, string Where);
}
