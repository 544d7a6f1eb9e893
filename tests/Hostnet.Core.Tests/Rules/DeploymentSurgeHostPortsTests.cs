using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
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

    [Theory]
    [InlineData("extensions/v1beta1", false)]
    [InlineData("apps/v1beta1", true)]
    [InlineData("apps/v1beta2", true)]
    public void Check_BetaVersionStillServed_UsesThatVersionsDefaults(string apiVersion, bool sticks)
    {
        var options = AnalysisOptions.Default with { KubeVersion = new KubeVersion(1, 15) };
        var yaml = Deployment("gw", 1, HostPort(7400)).Replace("apiVersion: apps/v1", "apiVersion: " + apiVersion, StringComparison.Ordinal);

        var findings = Fixtures.Check(yaml, options: options).Diagnostics.Where(d => d.Rule == DeploymentSurgeHostPorts.Rule).ToList();

        // extensions/v1beta1 defaults to maxSurge 1 and maxUnavailable 1: the old pod may go first.
        findings.Count.ShouldBe(sticks ? 1 : 0);
    }

    [Fact]
    public void Check_BetaVersionNoLongerServed_SaysWhatKubectlSays_AndJudgesTheAppsV1Defaults()
    {
        var yaml = Deployment("gw", 2, HostPort(7400)).Replace("apiVersion: apps/v1", "apiVersion: extensions/v1beta1", StringComparison.Ordinal);

        var finding = Findings(yaml).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.Error);
        finding.FieldPath.ShouldBe("apiVersion");
        finding.Message.ShouldBe(
            "apiVersion extensions/v1beta1 is not served since Kubernetes 1.16 (checked for 1.37), so this Deployment is never created: kubectl apply says "
            + "\"resource mapping not found for name: \"gw\" namespace: \"default\" from \"fixture.yaml\": no matches for kind \"Deployment\" in version \"extensions/v1beta1\"\"; "
            + "written as apps/v1, maxSurge 25% (default) and maxUnavailable 25% (default) come to 1 and 0 for 2 replicas holding host port 7400/TCP, so the rollout can stick: "
            + "the surge pod needs a node that runs no replica");
    }
}
