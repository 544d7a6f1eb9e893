using Hostnet.Core.Diagnostics;
using Hostnet.Core.Ports;
using Hostnet.Core.Scheduling.Planning;
using Hostnet.Core.Semantics;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Ports;

public sealed class PortMapBuilderTests
{
    private static PortMap Map() => PortMapBuilder.Build(SnapshotText.ReadFixture("kubectl-list.json").Snapshot, []);

    private static IReadOnlyList<PortUse> On(PortMap map, string node) => map.Nodes.Single(n => n.Node == node).Ports;

    [Fact]
    public void Build_ReservedPortsOfTheConfiguration_AreHeldOnEveryNode()
    {
        var options = PlanOptions.Default with
        {
            ExtraReservedPorts = [new NodeReservedPort(7000, 7002, "UDP", "our agents", Severity.Warning)],
        };

        var map = PortMapBuilder.Build(SnapshotText.ReadFixture("kubectl-list.json").Snapshot, [], options);

        var use = map.EveryNode.Single(u => u.Owner == "our agents");
        (use.Port, use.ToPort, use.Protocol, use.Source).ShouldBe((7000, 7002, "UDP", PortSource.NodeComponent));
        use.Detail.ShouldBe("on every node (reservedPorts in .hostnet.yaml)");
        FreePorts.Find(map, ["node-1", "node-2"], 6999, 7003, "UDP").ShouldBe([(6999, 6999), (7003, 7003)]);
    }

    [Fact]
    public void Build_EndedPodsHoldNothing_TerminatingPodsStillDo()
    {
        var node1 = On(Map(), "node-1");
        node1.ShouldNotContain(u => u.Port == 7002);
        node1.Single(u => u.Port == 7003).Terminating.ShouldBeTrue();
    }

    [Fact]
    public void Build_HostNetworkPodWithoutPorts_HasAnInferredListenerUnknownToTheScheduler()
    {
        var use = On(Map(), "node-2").Single(u => u.Port == 7001);
        use.Source.ShouldBe(PortSource.Inferred);
        use.KnownToScheduler.ShouldBeFalse();
        use.Detail.ShouldBe("--port=7001 in container agent");
    }

    [Fact]
    public void Build_HostIPAndProtocol_AreKeptAsTheSchedulerStoresThem()
    {
        var node2 = On(Map(), "node-2");
        node2.Single(u => u.Port == 8080).HostIP.ShouldBe("10.0.0.12");
        node2.Single(u => u.Port == 5353).Protocol.ShouldBe("UDP");
    }

    [Fact]
    public void Build_ControlPlaneComponents_OnlyOnControlPlaneNodes()
    {
        var map = Map();
        On(map, "control-plane").ShouldContain(u => u.Port == 6443 && u.Source == PortSource.NodeComponent);
        On(map, "node-1").ShouldNotContain(u => u.Port == 6443);
        map.EveryNode.ShouldContain(u => u.Port == 10250);
        map.EveryNode.ShouldContain(u => u.Port == 30080 && u.Source == PortSource.ServiceNodePort);
    }

    [Fact]
    public void Find_FreePorts_ExcludeEveryNodeAndEachCandidateNodesPorts()
    {
        var map = Map();
        FreePorts.Find(map, ["node-1", "node-2"], 7000, 7010, "TCP").ShouldBe([(7000, 7000), (7002, 7002), (7004, 7010)]);
        FreePorts.Find(map, ["node-1"], 7000, 7010, "TCP").ShouldBe([(7000, 7002), (7004, 7010)]);
        FreePorts.Find(map, ["node-1"], 10249, 10251, "TCP").ShouldBe([(10249, 10249), (10251, 10251)]);
        FreePorts.Find(map, ["node-1"], 32767, 32768, "UDP").ShouldBe([(32768, 32768)]);
    }
}
