using Hostnet.Core.Diagnostics;
using Hostnet.Core.Semantics;
using Hostnet.Core.Semantics.Ports;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics.Ports;

public sealed class NodeComponentPortsTests
{
    [Theory]
    [InlineData(10250, "TCP", "the kubelet API", Severity.Error)]
    [InlineData(6443, "TCP", "the kube-apiserver", Severity.Error)]
    [InlineData(2380, "TCP", "etcd's client and peer ports (2379-2380)", Severity.Warning)]
    [InlineData(32767, "UDP", "the Service NodePort range (30000-32767)", Severity.Warning)]
    [InlineData(53, "UDP", "DNS resolvers (systemd-resolved, dnsmasq, NodeLocal DNSCache)", Severity.Warning)]
    public void Find_KnownPorts_NamesTheOwner(int port, string protocol, string owner, Severity severity)
    {
        var found = NodeComponentPorts.Find(port, protocol, [])!;

        found.Owner.ShouldBe(owner);
        found.Severity.ShouldBe(severity);
    }

    [Theory]
    [InlineData(4789, "TCP")]
    [InlineData(6060, "TCP")]
    [InlineData(8080, "TCP")]
    [InlineData(29999, "TCP")]
    public void Find_OtherPortsOrProtocols_FindsNothing(int port, string protocol) =>
        NodeComponentPorts.Find(port, protocol, []).ShouldBeNull();

    [Fact]
    public void Find_ConfiguredPorts_ComeFirst()
    {
        var mine = new NodeReservedPort(80, 80, "TCP", "our edge nginx", Severity.Error);

        NodeComponentPorts.Find(80, "TCP", [mine]).ShouldBeSameAs(mine);
    }

    [Theory]
    [InlineData("quay.io/calico/typha:v3.30.0", true)]
    [InlineData("quay.io/calico/calico:master", true)]
    [InlineData("docker.io/calico/typha@sha256:0123", true)]
    [InlineData("registry.local:5000/calico/typha", true)]
    [InlineData("registry.example.com/typha-proxy:1.0", false)]
    [InlineData(null, false)]
    public void IsOwnedBy_MatchesTheOwnersRepository(string? image, bool owned) =>
        NodeComponentPorts.Find(5473, "TCP", [])!.IsOwnedBy(image).ShouldBe(owned);

    [Theory]
    [InlineData(10250, false, false, true)]
    [InlineData(30000, false, false, true)]
    [InlineData(6443, false, false, false)]
    [InlineData(6443, true, false, true)]
    [InlineData(6443, false, true, true)]
    [InlineData(10256, true, false, false)]
    [InlineData(10256, false, true, true)]
    [InlineData(179, false, false, false)]
    [InlineData(179, false, true, true)]
    public void HeldOn_FollowsTheEntrysScope(int port, bool controlPlane, bool ownerRuns, bool held)
    {
        var node = Objects.Node("n", controlPlane ? "{node-role.kubernetes.io/control-plane: \"\"}" : "{}");

        NodeComponentPorts.HeldOn(NodeComponentPorts.Find(port, "TCP", [])!, node, ownerRuns).ShouldBe(held);
    }

    [Fact]
    public void HeldOn_ConfiguredPorts_OnEveryNode()
    {
        var mine = new NodeReservedPort(7000, 7000, "TCP", "our agents", Severity.Warning);
        var node = Objects.Node("n");

        mine.Scope.ShouldBe(NodeComponentScope.ReservedByConfiguration);
        NodeComponentPorts.HeldOn(mine, node, ownerRunsThere: false).ShouldBeTrue();
    }
}
