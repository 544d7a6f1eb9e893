using Hostnet.Core.Diagnostics;
using Hostnet.Core.Semantics;
using Hostnet.Core.Semantics.Ports;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics.Ports;

public sealed class NodePortCatalogueTests
{
    [Theory]
    [InlineData(10250, "TCP", "the kubelet API", Severity.Error)]
    [InlineData(6443, "TCP", "the kube-apiserver", Severity.Error)]
    [InlineData(2380, "TCP", "etcd's client and peer ports (2379-2380)", Severity.Warning)]
    [InlineData(32767, "UDP", "the Service NodePort range (30000-32767)", Severity.Warning)]
    [InlineData(53, "UDP", "DNS resolvers (systemd-resolved, dnsmasq, NodeLocal DNSCache)", Severity.Warning)]
    public void Find_KnownPorts_NamesTheOwner(int port, string protocol, string owner, Severity severity)
    {
        var found = NodePortCatalogue.Find(port, protocol, [])!;

        found.Owner.ShouldBe(owner);
        found.Severity.ShouldBe(severity);
    }

    [Theory]
    [InlineData(4789, "TCP")]
    [InlineData(6060, "TCP")]
    [InlineData(8080, "TCP")]
    [InlineData(29999, "TCP")]
    public void Find_OtherPortsOrProtocols_FindsNothing(int port, string protocol) =>
        NodePortCatalogue.Find(port, protocol, []).ShouldBeNull();

    [Fact]
    public void Find_ConfiguredPorts_ComeFirst()
    {
        var mine = new NodeReservedPort(80, 80, "TCP", "our edge nginx", Severity.Error);

        NodePortCatalogue.Find(80, "TCP", [mine]).ShouldBeSameAs(mine);
    }

    [Theory]
    [InlineData("quay.io/calico/typha:v3.30.0", true)]
    [InlineData("quay.io/calico/calico:master", true)]
    [InlineData("docker.io/calico/typha@sha256:0123", true)]
    [InlineData("registry.local:5000/calico/typha", true)]
    [InlineData("registry.example.com/typha-proxy:1.0", false)]
    [InlineData(null, false)]
    public void IsOwnedBy_MatchesTheOwnersRepository(string? image, bool owned) =>
        NodePortCatalogue.Find(5473, "TCP", [])!.IsOwnedBy(image).ShouldBe(owned);
}
