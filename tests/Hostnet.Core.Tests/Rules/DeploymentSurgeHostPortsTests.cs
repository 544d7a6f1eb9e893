using Hostnet.Core.Diagnostics;
using Hostnet.Core.Rules.RunTime;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;
using static Hostnet.Core.Tests.Rules.PlacementYaml;

namespace Hostnet.Core.Tests.Rules;

public sealed class DeploymentSurgeHostPortsTests
{
    private static Diagnostic[] Findings(string yaml) =>
        [.. Fixtures.Check(yaml).Diagnostics.Where(d => d.Rule == DeploymentSurgeHostPorts.Rule)];

    [Fact]
    public void Check_DefaultStrategyWithoutNodes_WarnsWithTheBudget()
    {
        var finding = Findings(Deployment("gw", 3, HostPort(7400))).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.Warning);
        finding.Message.ShouldBe(
            "maxSurge 25% (default) and maxUnavailable 25% (default) come to 1 and 0 for 3 replicas, and each replica holds host port 7400/TCP on its node: "
            + "the surge pod needs a node that runs no replica; when every node that can take one already does (3 or fewer such nodes), it stays Pending "
            + "(node(s) didn't have free ports for the requested pod ports), no old pod may go, and after progressDeadlineSeconds the rollout fails with "
            + "ProgressDeadlineExceeded: ReplicaSet \"gw-<hash>\" has timed out progressing.");
    }

    [Fact]
    public void Check_PinnedToTakenNodes_IsAnError()
    {
        var finding = Findings(Deployment("gw", 1, HostPort(7400, "      nodeSelector: {kubernetes.io/hostname: n1}\n"))).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.Error);
    }

    [Fact]
    public void Check_NodesWithRoomToSpare_IsNoFinding() =>
        Findings(Node("a") + Node("b") + Deployment("gw", 1, HostPort(7400))).ShouldBeEmpty();
}
