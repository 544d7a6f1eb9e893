using System.Text;
using System.Text.RegularExpressions;
using Hostnet.Agent.Tests.Support;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.NodeState;
using Hostnet.Core.Runs;
using Shouldly;
using Xunit;

namespace Hostnet.Agent.Tests;

/// <summary>
/// The agent on this machine's real /proc, with real processes, sockets, cgroups and network namespaces made by the
/// test (<see cref="TestNode"/>): a host-network pod is a process of the root network namespace in a cgroup named as
/// the kubelet names it, a pod-network pod a process in a namespace of its own, a node daemon a process in no pod.
/// The machine is shared, so assertions look at the test's own ports and processes, and comparisons with <c>ss</c>
/// are retried until both read the same moment.
/// </summary>
public sealed partial class LiveNodeTests
{
    private static readonly DateTimeOffset Started = DateTimeOffset.UtcNow.AddMinutes(-10);

    [Fact]
    public void Scan_RealProcesses_EachRuleFiresWhereItMustAndNowhereElse()
    {
        using var node = new TestNode();
        var (declared, undeclared, held, inRange, podNetwork) = (Port(20000), Port(21000), Port(22000), Port(30000), Port(23000));
        var webUid = Guid.NewGuid().ToString();
        var webContainer = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var web = node.StartHostNetworkContainer(webUid, webContainer, $"tcp,0.0.0.0,{undeclared}", $"tcp,::,{undeclared + 1}");
        var daemon = node.StartDaemon($"tcp,0.0.0.0,{held}", $"tcp,127.0.0.1,{inRange}", $"udp,0.0.0.0,{held}");
        var podNet = node.StartPodNetworkContainer($"tcp,0.0.0.0,{podNetwork}");
        var pods = Snapshot($"""
            - apiVersion: v1
              kind: Pod
              metadata: {"{"}name: web, namespace: default, uid: {webUid}{"}"}
              spec:
                nodeName: {node.Name}
                hostNetwork: true
                containers:
                - name: web
                  image: example/web:1
                  ports:
                  - {"{"}containerPort: {declared}{"}"}
                  - {"{"}containerPort: {undeclared + 1}{"}"}
              status:
                phase: Running
                containerStatuses:
                - name: web
                  containerID: containerd://{webContainer}
                  state: {"{"}running: {"{"}startedAt: "{Started:yyyy-MM-ddTHH:mm:ssZ}"{"}"}{"}"}
            - apiVersion: v1
              kind: Pod
              metadata: {"{"}name: api, namespace: default, uid: {Guid.NewGuid()}{"}"}
              spec:
                nodeName: {node.Name}
                containers:
                - name: api
                  image: example/api:1
                  ports:
                  - {"{"}containerPort: 80, hostPort: {held}{"}"}
              status:
                phase: Running
            """);

        var view = NodeView.Build(new NodeScanner(new ProcFileSystem(ProcFileSystem.DefaultRoot)).Scan(), new NodePods(node.Name, pods.Pods), DateTimeOffset.UtcNow, NodeView.DefaultGrace);
        var report = NodeAnalyzer.Analyze(view);

        var ours = new[] { declared, undeclared, undeclared + 1, held, inRange, podNetwork };
        report.Findings.Where(f => ours.Contains(f.Port)).Select(f => $"{f.Rule.Id} {f.PodName ?? "-"} {f.Port}/{f.Protocol}").Order(StringComparer.Ordinal).ShouldBe(
            new[] { $"HN060 web {undeclared}/TCP", $"HN061 web {declared}/TCP", $"HN062 api {held}/TCP", $"HN063 - {inRange}/TCP" }.Order(StringComparer.Ordinal));
        report.Findings.Single(f => f.Rule.Id == "HN062" && f.Port == held).Message.ShouldContain($"node daemon \"python3\" (pid {daemon.Pid}) on 0.0.0.0:{held}");
        var webListener = view.Listeners.Single(l => l.Socket.Port == undeclared);
        (webListener.Holder!.Pid, webListener.Owner.ToString(), webListener.Declared).ShouldBe((web.Pid, "default/web/web", false));
        view.Listeners.Single(l => l.Socket.Port == undeclared + 1).ShouldSatisfyAllConditions(l => l.Socket.Address.ShouldBe("::"), l => l.Declared.ShouldBeTrue());
        view.Listeners.Where(l => l.Socket.Port == held).Select(l => (l.Socket.Protocol, l.Owner.Kind, l.Owner.Daemon, l.Holder?.Pid))
            .Order().ShouldBe([("TCP", OwnerKind.NodeDaemon, "python3", daemon.Pid), ("UDP", OwnerKind.NodeDaemon, "python3", daemon.Pid)]);
        view.Listeners.Where(l => l.Socket.Port == podNetwork || l.Holder?.Pid == podNet.Pid).ShouldBeEmpty("a pod-network pod's socket is in its own namespace");
    }

    [Fact]
    public void Scan_TcpListeners_EqualWhatSsPrints()
    {
        using var node = new TestNode();
        var port = Port(24000);
        var daemon = node.StartDaemon($"tcp,0.0.0.0,{port}", $"tcp,::1,{port}");
        var scanner = new NodeScanner(new ProcFileSystem(ProcFileSystem.DefaultRoot));

        var (agent, ss) = Retry(() =>
        {
            var scanned = Describe(scanner.Scan().Listeners.Where(l => l.Socket.Protocol == "TCP").Select(l => (l.Socket.Address, l.Socket.Port, l.Processes.Select(p => p.Pid))));
            return (scanned, SsListeners());
        });

        scanner.SocketSources["TCP"].ShouldBe("netlink");
        agent.ShouldBe(ss);
        agent.ShouldContain($"0.0.0.0:{port} {daemon.Pid}");
        agent.ShouldContain($"::1:{port} {daemon.Pid}");
    }

    [Fact]
    public void ReadSockets_Netlink_EqualsTheProcNetTables()
    {
        using var node = new TestNode();
        var port = Port(25000);
        node.StartDaemon($"tcp,::,{port}", $"udp,::1,{port}", $"udp,127.0.0.1,{port}");
        var scanner = new NodeScanner(new ProcFileSystem(ProcFileSystem.DefaultRoot));

        foreach (var protocol in new[] { "TCP", "UDP" })
        {
            var (netlink, tables) = Retry(() => (
                Describe(scanner.ReadSockets(protocol).Select(s => (s.Address, s.Port, new[] { (int)s.Inode }.AsEnumerable()))),
                Describe(scanner.ReadTables(protocol).Select(s => (s.Address, s.Port, new[] { (int)s.Inode }.AsEnumerable())))));
            netlink.ShouldBe(tables, protocol);
            netlink.Count(s => s.Contains($":{port} ", StringComparison.Ordinal)).ShouldBe(protocol == "TCP" ? 1 : 2, protocol);
        }
    }

    /// <summary><c>ss -Htlnp</c> as sorted <c>address:port pids</c> lines (IPv6 unbracketed, <c>*</c> read as <c>::</c>).</summary>
    private static List<string> SsListeners()
    {
        var lines = Shell.Run("ss", "-Htlnp").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return Describe(lines.Select(line =>
        {
            var local = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3];
            var colon = local.LastIndexOf(':');
            var address = local[..colon].Trim('[', ']').Split('%')[0];
            return (address == "*" ? "::" : address, int.Parse(local[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture), SsPid().Matches(line).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        }));
    }

    private static List<string> Describe(IEnumerable<(string Address, int Port, IEnumerable<int> Pids)> sockets) =>
        [.. sockets.Select(s => $"{s.Address}:{s.Port} {string.Join(',', s.Pids.Distinct().Order())}".TrimEnd()).Order(StringComparer.Ordinal)];

    /// <summary>Reads twice until both sides agree: other tests on this machine open and close sockets all the time.</summary>
    private static (List<string> Left, List<string> Right) Retry(Func<(List<string>, List<string>)> read)
    {
        var result = read();
        for (var attempt = 0; attempt < 10 && !result.Item1.SequenceEqual(result.Item2); attempt++)
        {
            result = read();
        }

        return result;
    }

    /// <summary>A port of [from, from+1000) that nothing listens on now (TCP or UDP); the ranges keep tests apart.</summary>
    private static int Port(int from)
    {
        var taken = Shell.Run("ss", "-Htuan");
        for (var port = from + Random.Shared.Next(0, 900); ; port++)
        {
            if (!taken.Contains($":{port} ", StringComparison.Ordinal) && !taken.Contains($":{port + 1} ", StringComparison.Ordinal))
            {
                return port;
            }
        }
    }

    private static ClusterSnapshot Snapshot(string items)
    {
        var text = "apiVersion: v1\nkind: List\nitems:\n" + items + "\n";
        var read = SnapshotReader.Read("pods.yaml", new MemoryStream(Encoding.UTF8.GetBytes(text)));
        read.HasErrors.ShouldBeFalse(string.Join("\n", read.Errors.Select(e => e.Message)));
        return read.Snapshot;
    }

    [GeneratedRegex(@"pid=([0-9]+)")]
    private static partial Regex SsPid();
}
