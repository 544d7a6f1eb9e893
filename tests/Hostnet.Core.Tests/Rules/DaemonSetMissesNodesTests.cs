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
}
