using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Rules.RunTime;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;
using static Hostnet.Core.Tests.Rules.PlacementYaml;

namespace Hostnet.Core.Tests.Rules;

public sealed class ReplicasExceedNodesTests
{
    private static Diagnostic One(string yaml, KubeVersion? version = null) =>
        Fixtures.Check(yaml, options: AnalysisOptions.Default with { KubeVersion = version ?? KubeVersion.Latest })
            .Diagnostics.Single(d => d.Rule == ReplicasExceedNodes.Rule);

    [Fact]
    public void Check_WithNodes_QuotesTheSchedulerForTheExtraReplicas()
    {
        var yaml = Node("cp", "{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}") + Node("w1") + Node("w2")
            + Deployment("gw", 4, HostPort(7400), "  strategy: {type: Recreate}\n");

        var finding = One(yaml, new KubeVersion(1, 33));

        finding.Severity.ShouldBe(Severity.Error);
        finding.Message.ShouldBe(
            "replicas is 4 but only 2 of the 3 node(s) can take a pod of it and each replica holds host port 7400/TCP on its node: 2 replica(s) stay Pending: "
            + "\"0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't have free ports for the requested pod ports. "
            + "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.\"");
    }

    [Fact]
    public void Check_NoEligibleNode_SaysSo()
    {
        var yaml = Node("w1") + Deployment("gw", 1, HostPort(7400, "      nodeSelector: {pool: edge}\n"), "  strategy: {type: Recreate}\n");

        One(yaml, new KubeVersion(1, 33)).Message.ShouldBe(
            "replicas is 1 but none of the 1 node(s) can take a pod of it: 1 replica(s) stay Pending: \"0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.\"");
    }

    [Fact]
    public void Check_PinnedWithoutNodes_Warns()
    {
        var finding = One(Deployment("gw", 3, HostPort(7400, "      nodeSelector: {kubernetes.io/hostname: n1}\n"), "  strategy: {type: Recreate}\n"));

        finding.Severity.ShouldBe(Severity.Warning);
        finding.Message.ShouldBe(
            "replicas is 3 but the pod is pinned by name to 1 node(s) and each replica holds host port 7400/TCP on its node: 2 replica(s) or more stay Pending (node(s) didn't have free ports for the requested pod ports)");
    }
}
