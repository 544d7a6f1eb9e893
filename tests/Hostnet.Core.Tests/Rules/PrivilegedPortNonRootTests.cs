using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

public sealed class PrivilegedPortNonRootTests
{
    private static string Pod(string securityContext, string podSecurityContext = "{}") => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: relay}
        spec:
          hostNetwork: true
          dnsPolicy: ClusterFirstWithHostNet
          securityContext: {{podSecurityContext}}
          containers:
            - name: relay
              image: registry.example.com/relay:1.0
              ports: [{containerPort: 514, protocol: UDP}]
              securityContext: {{securityContext}}
        """;

    [Fact]
    public void Check_DropsAll_SaysWhyBindFails()
    {
        var finding = Fixtures.Check(Pod("{runAsUser: 10001, capabilities: {drop: [ALL]}}")).Diagnostics.Single(d => d.Rule.Id == "HN018");

        finding.Message.ShouldBe("container 'relay' declares port 514/UDP but runs as user 10001 and drops ALL capabilities: on the host network the node's net.ipv4.ip_unprivileged_port_start (1024 by default) applies, so binding it fails with \"permission denied\" and the container crash-loops");
        finding.Fix.ShouldBe("add NET_BIND_SERVICE to securityContext.capabilities.add (a non-root process also needs the file capability on its binary), or use a port of 1024 or above");
        finding.FieldPath.ShouldBe("spec.containers[0].ports[0].containerPort");
    }

    [Theory]
    [InlineData("{runAsUser: 1000}", "{}", true)]
    [InlineData("{runAsNonRoot: true}", "{}", true)]
    [InlineData("{}", "{runAsUser: 1000}", true)]
    [InlineData("{capabilities: {drop: [cap_net_bind_service]}}", "{runAsNonRoot: true}", true)]
    [InlineData("{runAsUser: 0}", "{runAsUser: 1000}", false)]
    [InlineData("{runAsNonRoot: false}", "{}", false)]
    [InlineData("{}", "{}", false)]
    [InlineData("{runAsUser: 1000, capabilities: {add: [NET_BIND_SERVICE], drop: [ALL]}}", "{}", false)]
    [InlineData("{runAsUser: 1000, capabilities: {add: [CAP_NET_BIND_SERVICE]}}", "{}", false)]
    [InlineData("{runAsUser: 1000, capabilities: {add: [ALL]}}", "{}", false)]
    [InlineData("{runAsUser: 1000, privileged: true}", "{}", false)]
    public void Check_UserAndCapabilities_DecideTheFinding(string container, string pod, bool reported) =>
        Fixtures.Check(Pod(container, pod)).Diagnostics.Any(d => d.Rule.Id == "HN018").ShouldBe(reported);
}
