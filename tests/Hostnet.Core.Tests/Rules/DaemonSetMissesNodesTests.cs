using Hostnet.Core.Diagnostics;
using Hostnet.Core.Rules.RunTime;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;
using static Hostnet.Core.Tests.Rules.PlacementYaml;

namespace Hostnet.Core.Tests.Rules;

public sealed class DaemonSetMissesNodesTests
{
    private const string Agent = "      hostNetwork: true\n      containers: [{name: a, image: a}]\n";

    [Fact]
    public void Check_WithNodes_NamesTheMissedNodesAndTaints()
    {
        var yaml = Node("cp-1", "{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}")
            + Node("gpu-1", "{key: nvidia.com/gpu, value: present, effect: NoExecute}") + Node("w-1") + DaemonSet("agent", Agent);

        var finding = Fixtures.Check(yaml).Diagnostics.Single(d => d.Rule == DaemonSetMissesNodes.Rule);

        finding.Severity.ShouldBe(Severity.Warning);
        finding.Message.ShouldBe(
            "this host-network DaemonSet does not tolerate taints of 2 of the 3 node(s) it selects, so it runs no pod there (no Pending pod and no event, the DaemonSet's desired count just leaves them out): "
            + "cp-1 (node-role.kubernetes.io/control-plane:NoSchedule), gpu-1 (nvidia.com/gpu=present:NoExecute)");
    }

    [Fact]
    public void Check_WithoutNodes_IsInfo() =>
        Fixtures.Check(DaemonSet("agent", Agent)).Diagnostics.Single(d => d.Rule == DaemonSetMissesNodes.Rule).Severity.ShouldBe(Severity.Info);

    private const string ControlPlaneTaint = "{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}";

    [Fact]
    public void Check_OnlyControlPlaneSkipped_NothingRunsThere_IsInfoNamingTheNodes()
    {
        var yaml = Node("cp-1", ControlPlaneTaint) + Node("cp-2", ControlPlaneTaint) + Node("w-1") + DaemonSet("csi-node", Agent);

        var finding = Fixtures.Check(yaml).Diagnostics.Single(d => d.Rule == DaemonSetMissesNodes.Rule);

        finding.Severity.ShouldBe(Severity.Info);
        finding.Message.ShouldBe(
            "this host-network DaemonSet skips the 2 control-plane node(s) it selects, which carry node-role.kubernetes.io/control-plane:NoSchedule and get no pod of it: cp-1, cp-2; "
            + "the snapshot shows no workload pod there (only DaemonSet and static pods), so nothing there needs it");
    }

    [Fact]
    public void Check_ControlPlaneSkipped_ButAWorkloadPodRunsThere_Warns()
    {
        var nodes = Node("cp-1", ControlPlaneTaint) + Node("w-1");
        var pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: db-0\n  namespace: data\n  ownerReferences: [{apiVersion: apps/v1, kind: StatefulSet, name: db, controller: true}]\n"
            + "spec:\n  nodeName: cp-1\n  containers: [{name: db, image: db}]\nstatus: {phase: Running}\n";

        var report = Fixtures.Check(DaemonSet("csi-node", Agent), cluster: Fixtures.Cluster(nodes + pod));

        report.Diagnostics.Single(d => d.Rule == DaemonSetMissesNodes.Rule).Severity.ShouldBe(Severity.Warning);
    }

    [Theory]
    [InlineData("      nodeSelector: {kubernetes.io/os: windows}\n")]
    [InlineData("      affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/os, operator: In, values: [windows]}]}]}}}\n")]
    public void Check_WindowsOnly_WithoutNodes_MissesNoControlPlaneNode(string selection) =>
        Fixtures.Check(DaemonSet("exporter", selection + Agent)).Diagnostics.ShouldNotContain(d => d.Rule == DaemonSetMissesNodes.Rule);
}
