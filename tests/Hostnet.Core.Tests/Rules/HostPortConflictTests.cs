using Hostnet.Core.Diagnostics;
using Hostnet.Core.Rules.RunTime;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;
using static Hostnet.Core.Tests.Rules.PlacementYaml;

namespace Hostnet.Core.Tests.Rules;

public sealed class HostPortConflictTests
{
    private static Diagnostic[] Findings(string yaml) =>
        [.. Fixtures.Check(yaml, "all.yaml").Diagnostics.Where(d => d.Rule == HostPortConflict.Rule)];

    [Fact]
    public void Check_TwoDaemonSets_ReportsOnceOnTheLaterNamingTheEarlier()
    {
        var findings = Findings(DaemonSet("first", HostPort(9100)) + DaemonSet("second", HostPort(9100), @namespace: "tools"));

        var finding = findings.ShouldHaveSingleItem();
        finding.Object!.ToString().ShouldBe("DaemonSet/tools/second");
        finding.Severity.ShouldBe(Severity.Error);
        finding.Message.ShouldBe(
            "host port 9100/TCP is also wanted by DaemonSet/default/first (all.yaml:17) and nothing keeps the two on separate nodes: on every node that runs both, the pod placed second stays Pending (node(s) didn't have free ports for the requested pod ports)");
    }

    [Fact]
    public void Check_TwoDeployments_WarnsThatTheyCompeteForNodes()
    {
        var finding = Findings(Deployment("a", 2, HostPort(7000)) + Deployment("b", 3, HostPort(7000))).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.Warning);
        finding.Message.ShouldEndWith(
            "and nothing keeps the two on separate nodes: the scheduler puts their pods on different nodes, so together they need 5 nodes with the port free, and pods beyond that stay Pending (node(s) didn't have free ports for the requested pod ports)");
    }

    [Fact]
    public void Check_BothPinnedToOneNode_IsCertain()
    {
        var pin = "      nodeSelector: {kubernetes.io/hostname: n1}\n";
        var finding = Findings(Deployment("a", 1, HostPort(7000, pin)) + Deployment("b", 1, HostPort(7000, pin))).ShouldHaveSingleItem();

        finding.Severity.ShouldBe(Severity.Error);
    }

    [Fact]
    public void Check_WithNodes_NamesTheCommonNodes()
    {
        var yaml = Node("n1") + Node("n2") + Node("cp", "{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}")
            + DaemonSet("agent", HostPort(9100)) + Deployment("web", 1, HostPort(9100));

        Findings(yaml).ShouldHaveSingleItem().Message.ShouldContain("and both can run on node(s) n1, n2: on every node that runs both");
    }

    [Fact]
    public void Check_ManyWorkloadsOnOnePort_EachLaterOneNamesTheFirstClash()
    {
        var yaml = string.Concat(Enumerable.Range(0, 50).Select(i => DaemonSet($"agent-{i}", HostPort(9100))));

        var findings = Findings(yaml);

        findings.Length.ShouldBe(49);
        findings.ShouldAllBe(f => f.Message.Contains("DaemonSet/default/agent-0 "));
    }
}
