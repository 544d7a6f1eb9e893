using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

/// <summary>The agents' JSON read back for <c>audit --listeners</c>: what is read, and each bad input at its line and column.</summary>
public sealed class AgentReportReaderTests
{
    private static readonly HashSet<string> NodeRules = ["HN060", "HN061", "HN062", "HN063"];

    private static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "Hostnet.Core.Tests", "testdata", "audit", "listeners");

    [Fact]
    public void Read_AgentReport_GivesListenersAndFindingsWithPositions()
    {
        var problems = new List<InputProblem>();

        var report = AgentReportReader.Read(new SourceFile("node-1.json", File.ReadAllText(Path.Combine(Folder, "node-1.json"))), NodeRules, problems)!;

        problems.ShouldBeEmpty();
        report.Node.ShouldBe("node-1");
        report.Listeners.Select(l => (l.Protocol, l.Port, l.Process, l.Pod?.Name, l.Declared)).ShouldBe([
            ("TCP", 22, "sshd", null, false),
            ("TCP", 80, "nginx", null, false),
            ("TCP", 9100, "node_exporter", "node-exporter-x7k2p", true),
            ("TCP", 9256, "node_exporter", "node-exporter-x7k2p", false),
            ("TCP", 30022, "sshd-rescue", null, false),
        ]);
        report.Listeners[0].Pid.ShouldBe(612);
        report.Findings.Select(f => (f.Rule, f.Severity, f.Pod, f.Port, f.Position)).ShouldBe([
            ("HN060", "warning", "node-exporter-x7k2p", 9256, new SourcePosition(11, 5)),
            ("HN062", "error", "ingress-nginx-5d4c3b2a1-abcde", 80, new SourcePosition(12, 5)),
            ("HN063", "warning", null, 30022, new SourcePosition(13, 5)),
        ]);
    }

    [Fact]
    public void Read_BadItems_AreProblemsAtTheirPlace_AndTheRestIsRead()
    {
        var problems = new List<InputProblem>();
        const string text = """
            {"node": "node-9",
             "listeners": [{"protocol": "TCP", "address": "::", "port": 53, "pid": null, "process": null, "pod": null, "declared": false},
                           {"protocol": "TCP", "address": "::", "port": "eighty"}],
             "findings": [{"rule": "HN099", "severity": "error", "message": "m", "port": 1, "protocol": "TCP"},
                          {"rule": "HN060", "severity": "fatal", "message": "m", "port": 1, "protocol": "TCP"},
                          {"rule": "HN063", "severity": "info", "message": "m", "namespace": null, "pod": null, "container": null, "port": 30001, "protocol": "UDP"}]}
            """;

        var report = AgentReportReader.Read(new SourceFile("bad.json", text), NodeRules, problems)!;

        report.Listeners.ShouldHaveSingleItem().Pid.ShouldBeNull();
        report.Findings.ShouldHaveSingleItem().Port.ShouldBe(30001);
        problems.Select(p => $"{p.File}:{p.Position}: {p.Message}").ShouldBe([
            "bad.json:3:16: a listener needs \"protocol\", \"address\" and \"port\"; left out",
            "bad.json:4:15: a finding needs \"rule\", one of HN060, HN061, HN062, HN063; left out",
            "bad.json:5:15: a finding needs \"severity\" (error, warning or info), \"message\", \"port\" and \"protocol\"; left out",
        ]);
    }

    [Theory]
    [InlineData("{\"node\": \"n\", \"listeners\": [", "syntax error")]
    [InlineData("{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": []}", "bad.json:1:1: not a report of hostnet agent --once --format json")]
    [InlineData("[]", "bad.json:1:1: not a report of hostnet agent --once --format json")]
    public void Read_NoReport_IsOneProblem(string text, string expected)
    {
        var problems = new List<InputProblem>();

        AgentReportReader.Read(new SourceFile("bad.json", text), NodeRules, problems).ShouldBeNull();

        problems.ShouldHaveSingleItem();
        $"{problems[0].File}:{problems[0].Position}: {problems[0].Message}".ShouldContain(expected);
    }

    [Fact]
    public void ReadAll_SecondReportOfANode_IsLeftOut()
    {
        var problems = new List<InputProblem>();
        var text = File.ReadAllText(Path.Combine(Folder, "node-1.json"));

        var reports = AgentReportReader.ReadAll([new SourceFile("a/node-1.json", text), new SourceFile("b/node-1.json", text)], NodeRules, problems);

        reports.ShouldHaveSingleItem().File.ShouldBe("a/node-1.json");
        problems.ShouldHaveSingleItem().Message.ShouldBe("node node-1 was already reported by a/node-1.json; left out");
    }
}
