using Hostnet.Core.Rules.Security;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

public sealed class HostNetworkPrivilegesTests
{
    [Fact]
    public void ListsEveryGrant_OnceEach()
    {
        var report = Fixtures.Check("""
            apiVersion: v1
            kind: Pod
            metadata: {name: agent}
            spec:
              hostNetwork: true
              hostPID: true
              initContainers:
              - name: install
                securityContext: {privileged: true, capabilities: {add: [NET_ADMIN]}}
              containers:
              - name: agent
                securityContext: {privileged: true}
              - name: sniffer
                securityContext: {capabilities: {add: [NET_RAW]}}
            """);

        report.Diagnostics.Single(d => d.Rule == HostNetworkPrivileges.Rule).Message.ShouldBe(
            "hostNetwork is true and containers \"install\", \"agent\" are privileged, container \"sniffer\" adds NET_RAW, hostPID is true: "
            + "the pod can change the node's interfaces, routes and firewall rules, capture and forge traffic on the node's interfaces and see every process on the node");
    }
}
