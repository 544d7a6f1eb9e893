using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Rules.RunTime;
using Hostnet.Core.Semantics;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;
using static Hostnet.Core.Tests.Rules.PlacementYaml;

namespace Hostnet.Core.Tests.Rules;

public sealed class NodeReservedHostPortTests
{
    private static Diagnostic[] Findings(string yaml, AnalysisOptions? options = null) =>
        [.. Fixtures.Check(yaml, options: options).Diagnostics.Where(d => d.Rule == NodeReservedHostPort.Rule)];

    [Fact]
    public void Check_KubeletPortOnHostNetwork_IsAnErrorNamingTheOwner()
    {
        var spec = "      hostNetwork: true\n      containers:\n        - name: a\n          image: a\n          ports: [{containerPort: 10250}]\n";
        var finding = Findings(DaemonSet("agent", spec)).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.Error);
        finding.Message.ShouldBe("host port 10250/TCP is taken by the kubelet API on every node: where it runs, the pod cannot bind the port (address already in use)");
    }

    [Fact]
    public void Check_ConfiguredPort_UsesTheConfiguredOwnerAndSeverity()
    {
        var options = AnalysisOptions.Default with { ExtraReservedPorts = [new NodeReservedPort(9100, 9100, "TCP", "node-exporter on the host", Severity.Error)] };
        var finding = Findings(DaemonSet("agent", HostPort(9100)), options).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.Error);
        finding.Message.ShouldBe(
            "host port 9100/TCP is reserved for node-exporter on the host in .hostnet.yaml: where it runs, the pod's hostPort mapping diverts the node's traffic for that port away from it");
    }
}
