using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hostnet.NetBench.Datapath;
using Hostnet.NetBench.Results;
using Hostnet.NetBench.Tests.Support;
using Shouldly;

namespace Hostnet.NetBench.Tests.Real;

/// <summary>Each mode's datapath, built for real: the kernel's route choice, the MTU, the DNAT, and traffic through it.</summary>
[Collection(RootNetworkTests.Name)]
public sealed partial class DatapathTests
{
    private static readonly BenchNames Names = new(Environment.ProcessId);

    // What `ip route get TARGET` answers in the client's namespace, then in the client's node (the hop that differs).
    [Theory]
    [InlineData("host", "node-a", "198.18.0.2", "198.18.0.2 dev hostnet-bench-u src 198.18.0.1")]
    [InlineData("host-network", "node-a", "198.18.0.2", "198.18.0.2 dev hostnet-bench-u src 198.18.0.1")]
    [InlineData("pod-bridge", "pod-a", "10.244.2.2", "10.244.2.2 via 10.244.1.1 dev hostnet-bench-e src 10.244.1.2")]
    [InlineData("pod-bridge", "node-a", "10.244.2.2", "10.244.2.2 via 198.18.0.2 dev hostnet-bench-u src 198.18.0.1")]
    [InlineData("pod-bridge", "node-b", "10.244.2.2", "10.244.2.2 dev hostnet-bench-r src 10.244.2.1")]
    [InlineData("pod-routed", "pod-a", "10.244.2.2", "10.244.2.2 via 169.254.1.1 dev hostnet-bench-e src 10.244.1.2")]
    [InlineData("pod-routed", "node-a", "10.244.2.2", "10.244.2.2 via 198.18.0.2 dev hostnet-bench-u src 198.18.0.1")]
    [InlineData("pod-routed", "node-b", "10.244.2.2", "10.244.2.2 dev hostnet-bench-p src 198.18.0.2")]
    [InlineData("pod-vxlan", "pod-a", "10.244.2.2", "10.244.2.2 via 10.244.1.1 dev hostnet-bench-e src 10.244.1.2")]
    [InlineData("pod-vxlan", "node-a", "10.244.2.2", "10.244.2.2 via 10.244.2.0 dev hostnet-bench-x src 10.244.1.0")]
    [InlineData("service", "pod-a", "10.96.0.100", "10.96.0.100 via 10.244.1.1 dev hostnet-bench-e src 10.244.1.2")]
    public void RouteGet_EachHop_TakesTheModesPath(string modeName, string role, string target, string route)
    {
        BenchModeNames.TryParse(modeName, out var mode).ShouldBeTrue();
        using var lab = DatapathLab.Build([mode], Names);

        var answer = Shell.InNamespace(Names.Namespace(mode, role), "ip", "route", "get", target);

        answer.Split('\n')[0].Trim().ShouldStartWith(route);
    }

    [Fact]
    public void PodVxlan_PathMtu_IsVxlansAndTrafficCrossesTheTunnel()
    {
        using var lab = DatapathLab.Build([BenchMode.PodVxlan], Names);
        var plan = lab.Plans[0];
        var nodeA = Names.Namespace(BenchMode.PodVxlan, "node-a");

        Mtu(plan.ClientNamespace, BenchNames.PodInterface).ShouldBe(1450);
        Mtu(nodeA, BenchNames.Vxlan).ShouldBe(1450);
        Mtu(nodeA, BenchNames.Uplink).ShouldBe(1500);
        Shell.InNamespace(nodeA, "ip", "-d", "link", "show", BenchNames.Vxlan).ShouldContain("vxlan id 1 local 198.18.0.1 dev hostnet-bench-u srcport 0 0 dstport 8472");
        var before = TxBytes(nodeA, BenchNames.Vxlan);

        Iperf3Through(plan.ServerNamespace, plan.ClientNamespace, plan.TargetAddress).Gbps.ShouldBeGreaterThan(0.05);

        (TxBytes(nodeA, BenchNames.Vxlan) - before).ShouldBeGreaterThan(1_000_000);
    }

    [Fact]
    public void Service_Traffic_HitsKubeProxysDnatRuleAndConntrackRecordsIt()
    {
        using var lab = DatapathLab.Build([BenchMode.Service], Names);
        var plan = lab.Plans[0];
        var nodeA = Names.Namespace(BenchMode.Service, "node-a");
        DnatPackets(nodeA).ShouldBe(0);

        Iperf3Through(plan.ServerNamespace, plan.ClientNamespace, DatapathPlanner.ClusterIp).Gbps.ShouldBeGreaterThan(0.05);

        DnatPackets(nodeA).ShouldBeGreaterThan(0);
        var conntrack = Shell.InNamespace(nodeA, "conntrack", "-L", "-p", "tcp", "--orig-dst", DatapathPlanner.ClusterIp);
        conntrack.ShouldContain("dport=5201");
        conntrack.ShouldContain("src=10.244.2.2 dst=10.244.1.2 sport=5201");
    }

    [Theory]
    [InlineData("host")]
    [InlineData("pod-bridge")]
    [InlineData("pod-routed")]
    public void Traffic_Mode_FlowsBetweenClientAndServer(string modeName)
    {
        BenchModeNames.TryParse(modeName, out var mode).ShouldBeTrue();
        using var lab = DatapathLab.Build([mode], Names);
        var plan = lab.Plans[0];

        Iperf3Through(plan.ServerNamespace, plan.ClientNamespace, plan.TargetAddress).Gbps.ShouldBeGreaterThan(0.05);
    }

    [Fact]
    public void Dispose_Lab_RemovesItsNamespacesAndCgroup()
    {
        var lab = DatapathLab.Build([BenchMode.HostNetwork], Names);
        var cgroups = lab.PodCgroup!.Directories;
        LeftoverSweeper.BenchNamespaces().ShouldContain(Names.Namespace(BenchMode.HostNetwork, "node-b"));
        cgroups.ShouldAllBe(d => Directory.Exists(d));

        lab.Dispose();

        LeftoverSweeper.BenchNamespaces().Where(n => BenchNames.OwnerOf(n) == Environment.ProcessId).ShouldBeEmpty();
        cgroups.ShouldAllBe(d => !Directory.Exists(Path.GetDirectoryName(Path.GetDirectoryName(d))));
    }

    internal static Iperf3Output Iperf3Through(string serverNamespace, string clientNamespace, string target)
    {
        using var server = Process.Start(new ProcessStartInfo("nsenter", [$"--net=/run/netns/{serverNamespace}", "--", "iperf3", "-s", "-1", "-p", "5201", "--forceflush"])
        {
            RedirectStandardOutput = true,
        })!;
        while (server.StandardOutput.ReadLine() is { } line && !line.Contains("Server listening on 5201", StringComparison.Ordinal))
        {
            // iperf3 prints a rule of dashes first.
        }

        try
        {
            return Iperf3Output.Parse(Shell.InNamespace(clientNamespace, "iperf3", "-c", target, "-p", "5201", "-t", "1", "-J"));
        }
        finally
        {
            server.Kill();
            server.WaitForExit();
        }
    }

    private static int Mtu(string networkNamespace, string link) =>
        int.Parse(MtuPattern().Match(Shell.InNamespace(networkNamespace, "ip", "link", "show", link)).Groups[1].Value, CultureInfo.InvariantCulture);

    private static long TxBytes(string networkNamespace, string link)
    {
        using var json = JsonDocument.Parse(Shell.Run("ip", "-n", networkNamespace, "-s", "-j", "link", "show", link));
        return json.RootElement[0].GetProperty("stats64").GetProperty("tx").GetProperty("bytes").GetInt64();
    }

    // iptables-save -c prints each rule's [packets:bytes]; the DNAT to the iperf3 endpoint is the one traffic must hit.
    private static long DnatPackets(string networkNamespace) =>
        Shell.InNamespace(networkNamespace, "iptables-save", "-c", "-t", "nat")
            .Split('\n')
            .Where(line => line.Contains("-j DNAT --to-destination 10.244.2.2:5201", StringComparison.Ordinal))
            .Select(line => long.Parse(CounterPattern().Match(line).Groups[1].Value, CultureInfo.InvariantCulture))
            .Single();

    [GeneratedRegex(@"mtu (\d+)")]
    private static partial Regex MtuPattern();

    [GeneratedRegex(@"^\[(\d+):\d+\]")]
    private static partial Regex CounterPattern();
}
