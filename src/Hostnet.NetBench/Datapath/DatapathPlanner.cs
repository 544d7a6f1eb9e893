using System.Globalization;
using Hostnet.NetBench.Host;

namespace Hostnet.NetBench.Datapath;

/// <summary>
/// Writes the iproute2/iptables commands that build each mode's datapath between two "nodes". Nodes and pods are
/// network namespaces named by <see cref="BenchNames"/>; the nodes are joined by a veth pair on 198.18.0.0/24 (the
/// range RFC 2544 reserves for benchmarks), pods get 10.244.&lt;node&gt;.0/24 (flannel's default cluster CIDR) and the
/// Service's ClusterIP is in kubeadm's 10.96.0.0/12. Every address lives only in these namespaces.
/// </summary>
internal static class DatapathPlanner
{
    public const string ClusterCidr = "10.244.0.0/16";
    public const string ClusterIp = "10.96.0.100";
    public const string ServiceName = "server";

    /// <summary>flannel's VXLAN port (not IANA's 4789) and the 50 bytes of VXLAN over IPv4 off a 1500 MTU.</summary>
    public const int VxlanPort = 8472;
    public const int VxlanMtu = 1450;
    public const int EthernetMtu = 1500;

    private static readonly Node[] Nodes = [new("node-a", "pod-a", 1), new("node-b", "pod-b", 2)];

    public static DatapathPlan Plan(BenchMode mode, BenchNames names)
    {
        var commands = new List<HostCommand>();
        var namespaces = new List<string>();
        string Ns(string role) => names.Namespace(mode, role);

        foreach (var node in Nodes)
        {
            namespaces.Add(Ns(node.Name));
        }

        var hasPods = mode is not (BenchMode.Host or BenchMode.HostNetwork);
        if (hasPods)
        {
            foreach (var node in Nodes)
            {
                namespaces.Add(Ns(node.Pod));
            }
        }

        foreach (var space in namespaces)
        {
            commands.Add(HostCommand.Of("ip", "netns", "add", space));
            commands.Add(HostCommand.Of("ip", "-n", space, "link", "set", "lo", "up"));
        }

        // The wire between the two nodes.
        commands.Add(HostCommand.Of("ip", "link", "add", BenchNames.Uplink, "netns", Ns("node-a"), "type", "veth", "peer", "name", BenchNames.Uplink, "netns", Ns("node-b")));
        foreach (var node in Nodes)
        {
            commands.Add(HostCommand.Of("ip", "-n", Ns(node.Name), "addr", "add", node.Address + "/24", "dev", BenchNames.Uplink));
            commands.Add(HostCommand.Of("ip", "-n", Ns(node.Name), "link", "set", BenchNames.Uplink, "up"));
        }

        var mtu = mode == BenchMode.PodVxlan ? VxlanMtu : EthernetMtu;
        if (hasPods)
        {
            foreach (var node in Nodes)
            {
                commands.Add(HostCommand.InNamespace(Ns(node.Name), "sysctl", "-q", "-w", "net.ipv4.ip_forward=1"));
                if (mode == BenchMode.PodRouted)
                {
                    AddRoutedPod(commands, node, Ns(node.Name), Ns(node.Pod));
                }
                else
                {
                    AddBridgedPod(commands, node, Ns(node.Name), Ns(node.Pod), mtu);
                }
            }

            if (mode == BenchMode.PodVxlan)
            {
                AddVxlan(commands, Ns);
            }
            else
            {
                foreach (var node in Nodes)
                {
                    var peer = Nodes.Single(n => n != node);
                    commands.Add(HostCommand.Of("ip", "-n", Ns(node.Name), "route", "add", peer.PodCidr, "via", peer.Address, "dev", BenchNames.Uplink));
                    if (mode == BenchMode.PodRouted)
                    {
                        // Proxy ARP answers only for addresses the node can route elsewhere: a real node's default
                        // route is what makes it answer for the pods' 169.254.1.1 gateway.
                        commands.Add(HostCommand.Of("ip", "-n", Ns(node.Name), "route", "add", "default", "via", peer.Address, "dev", BenchNames.Uplink));
                    }
                }
            }
        }

        if (mode == BenchMode.Service)
        {
            var endpoint = Nodes[1].PodAddress;
            var rules = KubeProxyRules.Render(BenchNames.ServiceNamespace, ServiceName, ClusterIp, ClusterCidr,
            [
                new("iperf3", BenchPorts.Iperf3, endpoint, BenchPorts.Iperf3),
                new("hostnet", BenchPorts.Hostnet, endpoint, BenchPorts.Hostnet),
            ]);

            // kube-proxy runs on the client's node: pod traffic to the ClusterIP is DNATed in its PREROUTING.
            commands.Add(HostCommand.InNamespace(Ns(Nodes[0].Name), "iptables-restore", "--noflush") with { StandardInput = rules });
        }

        var (client, server, target) = mode switch
        {
            BenchMode.Host or BenchMode.HostNetwork => (Ns(Nodes[0].Name), Ns(Nodes[1].Name), Nodes[1].Address),
            BenchMode.Service => (Ns(Nodes[0].Pod), Ns(Nodes[1].Pod), ClusterIp),
            _ => (Ns(Nodes[0].Pod), Ns(Nodes[1].Pod), Nodes[1].PodAddress),
        };
        return new DatapathPlan(mode, namespaces, commands, client, server, target, mtu, mode == BenchMode.HostNetwork);
    }

    // The bridge plugin's layout (kubenet, flannel): cni0 holds the gateway address, the pod's eth0 a /24 address.
    private static void AddBridgedPod(List<HostCommand> commands, Node node, string nodeNs, string podNs, int mtu)
    {
        var mtuText = mtu.ToString(CultureInfo.InvariantCulture);
        commands.Add(HostCommand.Of("ip", "-n", nodeNs, "link", "add", BenchNames.Bridge, "mtu", mtuText, "type", "bridge"));
        commands.Add(HostCommand.Of("ip", "-n", nodeNs, "addr", "add", node.Gateway + "/24", "dev", BenchNames.Bridge));
        commands.Add(HostCommand.Of("ip", "-n", nodeNs, "link", "set", BenchNames.Bridge, "up"));
        commands.Add(HostCommand.Of("ip", "-n", nodeNs, "link", "add", BenchNames.PodVethHostSide, "mtu", mtuText, "type", "veth", "peer", "name", BenchNames.PodInterface, "mtu", mtuText, "netns", podNs));
        commands.Add(HostCommand.Of("ip", "-n", nodeNs, "link", "set", BenchNames.PodVethHostSide, "master", BenchNames.Bridge, "up"));
        commands.Add(HostCommand.Of("ip", "-n", podNs, "addr", "add", node.PodAddress + "/24", "dev", BenchNames.PodInterface));
        commands.Add(HostCommand.Of("ip", "-n", podNs, "link", "set", BenchNames.PodInterface, "up"));
        commands.Add(HostCommand.Of("ip", "-n", podNs, "route", "add", "default", "via", node.Gateway, "dev", BenchNames.PodInterface));
    }

    // Calico's layout: the pod has a /32 and a default route via the link-local 169.254.1.1, which the node side of the
    // veth answers by proxy ARP; the node routes the pod's /32 to the veth.
    private static void AddRoutedPod(List<HostCommand> commands, Node node, string nodeNs, string podNs)
    {
        commands.Add(HostCommand.Of("ip", "-n", nodeNs, "link", "add", BenchNames.PodVethHostSide, "type", "veth", "peer", "name", BenchNames.PodInterface, "netns", podNs));
        commands.Add(HostCommand.InNamespace(nodeNs, "sysctl", "-q", "-w", $"net.ipv4.conf.{BenchNames.PodVethHostSide}.proxy_arp=1"));
        commands.Add(HostCommand.InNamespace(nodeNs, "sysctl", "-q", "-w", $"net.ipv4.neigh.{BenchNames.PodVethHostSide}.proxy_delay=0"));
        commands.Add(HostCommand.Of("ip", "-n", nodeNs, "link", "set", BenchNames.PodVethHostSide, "up"));
        commands.Add(HostCommand.Of("ip", "-n", nodeNs, "route", "add", node.PodAddress + "/32", "dev", BenchNames.PodVethHostSide, "scope", "link"));
        commands.Add(HostCommand.Of("ip", "-n", podNs, "addr", "add", node.PodAddress + "/32", "dev", BenchNames.PodInterface));
        commands.Add(HostCommand.Of("ip", "-n", podNs, "link", "set", BenchNames.PodInterface, "up"));
        commands.Add(HostCommand.Of("ip", "-n", podNs, "route", "add", "169.254.1.1", "dev", BenchNames.PodInterface, "scope", "link"));
        commands.Add(HostCommand.Of("ip", "-n", podNs, "route", "add", "default", "via", "169.254.1.1", "dev", BenchNames.PodInterface));
    }

    // flannel's VXLAN backend: a VXLAN device per node holding <podCIDR>.0/32, and per peer a route
    // "<peer podCIDR> via <peer>.0 dev flannel.1 onlink", a permanent ARP entry and an FDB entry to the peer node.
    private static void AddVxlan(List<HostCommand> commands, Func<string, string> ns)
    {
        foreach (var node in Nodes)
        {
            var nodeNs = ns(node.Name);
            commands.Add(HostCommand.Of("ip", "-n", nodeNs, "link", "add", BenchNames.Vxlan, "address", node.VxlanMac, "mtu", VxlanMtu.ToString(CultureInfo.InvariantCulture),
                "type", "vxlan", "id", "1", "local", node.Address, "dev", BenchNames.Uplink, "dstport", VxlanPort.ToString(CultureInfo.InvariantCulture), "nolearning"));
            commands.Add(HostCommand.Of("ip", "-n", nodeNs, "addr", "add", node.VxlanAddress + "/32", "dev", BenchNames.Vxlan));
            commands.Add(HostCommand.Of("ip", "-n", nodeNs, "link", "set", BenchNames.Vxlan, "up"));
        }

        foreach (var node in Nodes)
        {
            var nodeNs = ns(node.Name);
            var peer = Nodes.Single(n => n != node);
            commands.Add(HostCommand.Of("ip", "-n", nodeNs, "route", "add", peer.PodCidr, "via", peer.VxlanAddress, "dev", BenchNames.Vxlan, "onlink"));
            commands.Add(HostCommand.Of("ip", "-n", nodeNs, "neigh", "replace", peer.VxlanAddress, "lladdr", peer.VxlanMac, "dev", BenchNames.Vxlan, "nud", "permanent"));
            commands.Add(HostCommand.InNamespace(nodeNs, "bridge", "fdb", "append", peer.VxlanMac, "dev", BenchNames.Vxlan, "dst", peer.Address));
        }
    }

    private sealed record Node(string Name, string Pod, int Index)
    {
        public string Address => $"198.18.0.{Index}";

        public string PodCidr => $"10.244.{Index}.0/24";

        public string Gateway => $"10.244.{Index}.1";

        public string PodAddress => $"10.244.{Index}.2";

        public string VxlanAddress => $"10.244.{Index}.0";

        // Locally administered unicast addresses.
        public string VxlanMac => $"02:68:6e:00:00:0{Index}";
    }
}
