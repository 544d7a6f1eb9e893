using System.Text.Json;
using Hostnet.Core.Analysis;
using Hostnet.Core.Audit;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Loading;
using Hostnet.Core.Reporting;
using Hostnet.Core.Rules;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Audit;

/// <summary>
/// <c>audit --listeners</c>: testdata/audit/cluster.yaml with the agents' reports of node-1 and node-2
/// (testdata/audit/listeners/): their findings in the audit, the inventory's LISTENING column, the port map's marks.
/// </summary>
public sealed class AgentListenersTests
{
    private static readonly AuditReport Without = AuditFixtures.Audit("cluster.yaml");
    private static readonly AuditReport With = Audit(_ => true);

    [Fact]
    public void FindingOfOneOwnerOnSeveralNodes_IsOneObservedFinding_NamingTheNodes()
    {
        var finding = Runtime("HN062").ShouldHaveSingleItem();

        finding.Observed.ShouldBeTrue();
        finding.Diagnostic.Severity.ShouldBe(Severity.Error);
        finding.Diagnostic.Object!.ToString().ShouldBe("Pod/ingress/ingress-nginx-5d4c3b2a1-abcde");
        finding.Diagnostic.File.ShouldBe("cluster.yaml");
        finding.Diagnostic.Message.ShouldBe(
            "pod ingress/ingress-nginx-5d4c3b2a1-abcde declares hostPort 80/TCP (container \"controller\"), which node daemon \"nginx\" (pid 700) on 0.0.0.0:80 already holds: "
            + "the pod's hostPort rule takes the port's traffic away from the holder (agents of nodes node-1, node-2; the pod named is node-1's)");
    }

    [Fact]
    public void NodeDaemonFinding_IsOnTheNode()
    {
        var finding = Runtime("HN063").Single(f => f.Diagnostic.Object!.Name == "node-1").Diagnostic;

        finding.Object!.ToString().ShouldBe("Node/node-1");
        finding.Severity.ShouldBe(Severity.Warning);
        finding.Message.ShouldEndWith("the listener no longer receives it (agent of node node-1)");
    }

    [Fact]
    public void FindingOfAPodTheSnapshotLacks_IsOnItsNode_OrInTheReportWithoutTheNode()
    {
        Runtime("HN060").Single(f => f.Diagnostic.Message.StartsWith("pod default/ghost,", StringComparison.Ordinal)).Diagnostic.Object!.ToString().ShouldBe("Node/node-2");

        var unknownNode = Runtime("HN063").Single(f => f.Diagnostic.Object!.Name == "node-9").Diagnostic;
        (unknownNode.File, unknownNode.Position.Line, unknownNode.Position.Column).ShouldBe(("listeners/node-9.json", 7, 5));
        unknownNode.Object!.ToString().ShouldBe("Node/node-9");
    }

    [Fact]
    public void EveryRuntimeFinding_IsThere_AndNothingElseChanges()
    {
        With.Findings.Where(f => f.Diagnostic.Rule.Section == RuleSection.OnTheNode)
            .Select(f => $"{f.Diagnostic.Rule.Id} {f.Diagnostic.Object}")
            .Order(StringComparer.Ordinal)
            .ShouldBe([
                "HN060 Node/node-2",
                "HN060 Pod/default/backup-28890000-xyz12",
                "HN060 Pod/monitoring/node-exporter-x7k2p",
                "HN061 Pod/default/backup-28890000-xyz12",
                "HN062 Pod/ingress/ingress-nginx-5d4c3b2a1-abcde",
                "HN063 Node/node-1",
                "HN063 Node/node-9",
            ]);
        With.Findings.Where(f => f.Diagnostic.Rule.Section != RuleSection.OnTheNode).Select(f => f.Diagnostic)
            .ShouldBe(Without.Findings.Select(f => f.Diagnostic));
    }

    [Fact]
    public void SilencedOnThePod_IsSuppressedAsOnTheNode()
    {
        using var stream = File.OpenRead(Path.Combine(AuditFixtures.Folder, "cluster.yaml"));
        var snapshot = SnapshotReader.Read("cluster.yaml", stream).Snapshot;
        var backup = snapshot.Pods.Single(p => p.Pod.Name == "backup-28890000-xyz12");
        var silenced = backup with
        {
            Pod = backup.Pod with { Metadata = backup.Pod.Metadata with { Annotations = new Dictionary<string, string> { ["hostnet.dev/ignore-HN061"] = "opens 8443 on demand" } } },
        };
        snapshot = snapshot with { Pods = [.. snapshot.Pods.Select(p => ReferenceEquals(p, backup) ? silenced : p)] };

        var report = Auditor.Audit(snapshot, "cluster.yaml", AnalysisOptions.Default, Reports());

        report.Findings.Single(f => f.Diagnostic.Rule.Id == "HN061").Diagnostic.Suppression.ShouldBe("opens 8443 on demand");
    }

    [Fact]
    public void Inventory_SaysWhatReallyListens()
    {
        With.Inventory.Single(e => e.Owner.ToString() == "DaemonSet/node-exporter").Listening.ShouldBe(["9100/TCP", "9256/TCP undeclared"]);
        With.Inventory.Single(e => e.Owner.ToString() == "Deployment/ingress-nginx").Listening.ShouldBe([]);
        Without.Inventory.ShouldAllBe(e => e.Listening == null);

        var text = new StringWriter();
        AuditTextWriter.Write(With, text, colour: false);
        var lines = text.ToString().Split('\n');
        lines.ShouldContain("Listeners: the agents' reports of 3 nodes (node-1, node-2, node-9)");
        var header = lines.Single(l => l.TrimStart().StartsWith("NAMESPACE", StringComparison.Ordinal));
        header.IndexOf("LISTENING", StringComparison.Ordinal).ShouldBeGreaterThan(header.IndexOf("PORTS", StringComparison.Ordinal));
        lines.Single(l => l.Contains("DaemonSet/node-exporter", StringComparison.Ordinal) && l.Contains("  monitoring", StringComparison.Ordinal))
            .ShouldContain("9100/TCP, 9256/TCP undeclared");

        var plain = new StringWriter();
        AuditTextWriter.Write(Without, plain, colour: false);
        plain.ToString().ShouldNotContain("LISTENING");

        var html = new StringWriter();
        AuditHtmlWriter.Write(With, html);
        html.ToString().ShouldContain("<th>ports</th><th>listening</th><th>DNS</th>");
        html.ToString().ShouldContain("<td>9100/TCP</td><td>9100/TCP, 9256/TCP undeclared</td>");
        var htmlWithout = new StringWriter();
        AuditHtmlWriter.Write(Without, htmlWithout);
        htmlWithout.ToString().ShouldNotContain("<th>listening</th>");
    }

    [Fact]
    public void PortMap_MarksThePortsTheNodesReallyListenOn()
    {
        using var json = JsonDocument.Parse(Json(With));
        var marks = json.RootElement.GetProperty("hostPorts").EnumerateArray()
            .SelectMany(n => n.GetProperty("ports").EnumerateArray().Select(u => (
                Node: n.GetProperty("node").GetString(),
                Port: u.GetProperty("port").GetInt32(),
                Owner: u.GetProperty("owner").GetString(),
                Listening: u.TryGetProperty("listening", out var l) ? l.GetBoolean() : (bool?)null)))
            .ToList();

        // A mark says a socket waits on the port on that node, whoever holds it: the inventory and HN062 say whose.
        marks.ShouldContain(("node-1", 9100, "Pod monitoring/node-exporter-x7k2p", (bool?)true));
        marks.ShouldContain(("node-1", 80, "Pod ingress/ingress-nginx-5d4c3b2a1-abcde", (bool?)true));
        marks.ShouldContain(("node-1", 443, "Pod ingress/ingress-nginx-5d4c3b2a1-abcde", (bool?)false));
        marks.ShouldContain(("node-2", 9100, "Pod default/metrics-proxy", (bool?)false));

        using var nodeOneOnly = JsonDocument.Parse(Json(Audit(r => r.Node == "node-1")));
        nodeOneOnly.RootElement.GetProperty("hostPorts").EnumerateArray().Single(n => n.GetProperty("node").GetString() == "node-2")
            .GetProperty("ports").EnumerateArray().Count(u => u.TryGetProperty("listening", out var _)).ShouldBe(0, "no agent reported node-2");
        Json(Without).ShouldNotContain("\"listening\"");
    }

    private static IEnumerable<AuditFinding> Runtime(string rule) => With.Findings.Where(f => f.Diagnostic.Rule.Id == rule);

    internal static IReadOnlyList<AgentReport> Reports()
    {
        var problems = new List<InputProblem>();
        var folder = Path.Combine(AuditFixtures.Folder, "listeners");
        var reports = AgentReportReader.ReadAll(
            Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(f => new SourceFile("listeners/" + Path.GetFileName(f), File.ReadAllText(f))),
            RuleCatalog.NodeRules.Select(r => r.Descriptor.Id).ToHashSet(StringComparer.Ordinal),
            problems);
        problems.ShouldBeEmpty();
        return reports;
    }

    private static AuditReport Audit(Func<AgentReport, bool> which) => AuditFixtures.Audit("cluster.yaml", [.. Reports().Where(which)]);

    private static string Json(AuditReport report)
    {
        var output = new StringWriter();
        AuditJsonWriter.Write(report, output);
        return output.ToString();
    }
}
