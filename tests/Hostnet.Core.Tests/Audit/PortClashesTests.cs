using System.Text;
using Hostnet.Core.Analysis;
using Hostnet.Core.Audit;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Audit;

/// <summary>
/// Pods clashing on one host port of one node are one finding per port and node (per set of owners), not one per pair:
/// 1,500 such pods once gave 1,125,749 findings (issue 15). Two pods still read as a pair; pods whose claims do not
/// conflict with any other pod's (another specific host IP) are left out of the clash.
/// </summary>
public sealed class PortClashesTests
{
    [Fact]
    public void ManyPodsOnOnePortOfOneNode_AreOneFindingNamingAFewAndCountingTheRest()
    {
        var report = Audit(Pods(1500, "node-1"));

        var clash = report.Findings.Where(f => f.Observed && f.Diagnostic.Rule.Id == "HN012").ShouldHaveSingleItem().Diagnostic;
        clash.Message.ShouldBe(
            "host port 9100/TCP is held by 1500 pods on node-1: Pod team/exporter-0000 (not declared: --web.listen-address=:9100 in container exporter), "
            + "Pod team/exporter-0001 (not declared: --web.listen-address=:9100 in container exporter), "
            + "Pod team/exporter-0002 (not declared: --web.listen-address=:9100 in container exporter), "
            + "Pod team/exporter-0003 (not declared: --web.listen-address=:9100 in container exporter), "
            + "Pod team/exporter-0004 (not declared: --web.listen-address=:9100 in container exporter) and 1495 more; "
            + "the kubelet and the scheduler only see declared ports, so they all run there and each one that binds after another it clashes with fails with \"address already in use\" and crash-loops");
        clash.Object!.ToString().ShouldBe("Pod/team/exporter-1499");
    }

    [Fact]
    public void ClashesOnTwoNodes_AreOneFindingPerNode_WhenTheirPodsDiffer()
    {
        var report = Audit(Pods(3, "node-1") + "," + Pods(3, "node-2", first: 3));

        report.Findings.Where(f => f.Observed && f.Diagnostic.Rule.Id == "HN012")
            .Select(f => f.Diagnostic.Message[..f.Diagnostic.Message.IndexOf(':', StringComparison.Ordinal)])
            .ShouldBe(["host port 9100/TCP is held by 3 pods on node-1", "host port 9100/TCP is held by 3 pods on node-2"], ignoreOrder: true);
    }

    [Fact]
    public void ClaimsOnOtherSpecificAddresses_DoNotClash_SoTwoPodsLeftAreAPair()
    {
        // Two specific addresses do not clash; a third pod on every address clashes with both (three pods); a third on
        // one of the two addresses clashes with that one only (a pair).
        var report = Audit(Declared("a", "10.0.0.5") + "," + Declared("b", "10.0.0.6"));

        report.Findings.Where(f => f.Observed && f.Diagnostic.Rule.Id == "HN012").ShouldBeEmpty();

        var mixed = Audit(Declared("a", "10.0.0.5") + "," + Declared("b", "10.0.0.6") + "," + Declared("c", null));
        mixed.Findings.Where(f => f.Observed && f.Diagnostic.Rule.Id == "HN012").ShouldHaveSingleItem().Diagnostic.Message
            .ShouldStartWith("host port 80/TCP is held by 3 pods on node-1: Pod team/a (declared), Pod team/b (declared), Pod team/c (declared);");

        var pair = Audit(Declared("a", "10.0.0.5") + "," + Declared("b", "10.0.0.6") + "," + Declared("c", "10.0.0.6"));
        pair.Findings.Where(f => f.Observed && f.Diagnostic.Rule.Id == "HN012").ShouldHaveSingleItem().Diagnostic.Message
            .ShouldStartWith("host port 80/TCP is held twice on node-1: by Pod team/b (declared) and by Pod team/c (declared);");
    }

    private static AuditReport Audit(string pods)
    {
        var text = $$$"""
            {"apiVersion": "v1", "kind": "List", "items": [
              {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "node-1"}, "status": {"allocatable": {"cpu": "64", "memory": "256Gi", "pods": "5000"} } },
              {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "node-2"}, "status": {"allocatable": {"cpu": "64", "memory": "256Gi", "pods": "5000"} } },
              {{{pods}}}
            ]}
            """;
        var read = SnapshotText.Read(text);
        read.Errors.ShouldBeEmpty();
        return Auditor.Audit(read.Snapshot, "cluster.json", AnalysisOptions.Default);
    }

    /// <summary>Bare host-network pods bound to the node, each listening on 9100 without declaring it.</summary>
    private static string Pods(int count, string node, int first = 0)
    {
        var pods = new StringBuilder();
        for (var i = first; i < first + count; i++)
        {
            pods.Append(pods.Length == 0 ? string.Empty : ",\n").Append(
                $$$"""
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "exporter-{{{i:D4}}}", "namespace": "team"},
                 "spec": {"nodeName": "{{{node}}}", "hostNetwork": true, "containers": [{"name": "exporter", "image": "quay.io/prometheus/node-exporter:v1.8.2", "args": ["--web.listen-address=:9100"]}]},
                 "status": {"phase": "Running"}}
                """);
        }

        return pods.ToString();
    }

    /// <summary>A bare pod on node-1 declaring host port 80, on one address or (null) on every address.</summary>
    private static string Declared(string name, string? hostIP)
    {
        var address = hostIP is null ? string.Empty : $", \"hostIP\": \"{hostIP}\"";
        return $$$"""
        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "{{{name}}}", "namespace": "team"},
         "spec": {"nodeName": "node-1", "containers": [{"name": "web", "image": "example/web:1", "ports": [{"containerPort": 8080, "hostPort": 80{{{address}}} }]}]},
         "status": {"phase": "Running"}}
        """;
    }
}
