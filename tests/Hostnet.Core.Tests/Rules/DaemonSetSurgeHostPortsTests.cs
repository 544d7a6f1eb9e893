using Hostnet.Core.Analysis;
using Hostnet.Core.Model;
using Hostnet.Core.Rules.RunTime;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;
using static Hostnet.Core.Tests.Rules.PlacementYaml;

namespace Hostnet.Core.Tests.Rules;

public sealed class DaemonSetSurgeHostPortsTests
{
    private const string Surge = "  updateStrategy:\n    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}\n";

    [Fact]
    public void Check_WithNodes_QuotesTheDocumentedEvent()
    {
        var yaml = Node("a") + Node("b") + Node("c") + DaemonSet("relay", HostPort(7070), Surge);
        var options = AnalysisOptions.Default with { KubeVersion = new KubeVersion(1, 33) };

        Fixtures.Check(yaml, options: options).Diagnostics.Single(d => d.Rule == DaemonSetSurgeHostPorts.Rule).Message.ShouldBe(
            "maxSurge is 1 and the pods hold host port 7070/TCP: in a rolling update the controller creates each node's new pod while the old one still holds the port, so the new pod stays Pending "
            + "(\"0/3 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. "
            + "preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.\") "
            + "and the old one is never replaced; DaemonSets have no progress deadline, so the update stalls without an error");
    }

    [Fact]
    public void Check_SurgeWithDefaultUnavailable_AlsoSaysTheApiRejectsIt() =>
        Fixtures.Check(DaemonSet("relay", HostPort(7070), "  updateStrategy:\n    rollingUpdate: {maxSurge: 1}\n"))
            .Diagnostics.Single(d => d.Rule == DaemonSetSurgeHostPorts.Rule).Message
            .ShouldEndWith("; as written the API also rejects the strategy, since maxUnavailable is 1 (the default) and a DaemonSet may not set both non-zero");
}
