using Hostnet.Core.Loading;
using Hostnet.Core.NodeState;
using Hostnet.Core.Reporting;
using Hostnet.Core.Rules;
using Hostnet.Core.Runs;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Agent.Tests;

/// <summary>
/// <c>/proc</c> trees of each cgroup and runtime layout (testdata/proc/&lt;layout&gt;/: the socket tables, and per
/// process <c>comm</c>, <c>cmdline</c>, <c>cgroup</c>, <c>fd/*</c> and <c>ns/net</c> as links, <c>self</c> → the agent),
/// with the pods of the API beside them (<c>pods.json</c>): the agent's report equals <c>expected.txt</c> and
/// <c>expected.json</c>. <c>UPDATE_GOLDEN=1</c> rewrites them; review the diff.
/// </summary>
public sealed class ProcFixtureTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 10, 0, TimeSpan.Zero);

    private static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "Hostnet.Agent.Tests", "testdata", "proc");

    public static TheoryData<string> Layouts() => [.. Directory.EnumerateDirectories(Folder).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Scan_RecordedProc_ReportsAsExpected(string layout)
    {
        var root = Path.Combine(Folder, layout);
        var scanner = new NodeScanner(new ProcFileSystem(root));
        using var pods = File.OpenRead(Path.Combine(root, "pods.json"));
        var snapshot = SnapshotReader.Read("pods.json", pods).Snapshot;

        var report = NodeAnalyzer.Analyze(NodeView.Build(scanner.Scan(), new NodePods("node-a", snapshot.Pods), Now, NodeView.DefaultGrace));

        scanner.SocketSources.Values.ShouldAllBe(source => source == "/proc/net", "a recorded tree is read from its tables, never through netlink");
        var text = new StringWriter();
        NodeReportTextWriter.Write(report, text);
        var json = new StringWriter();
        NodeReportJsonWriter.Write(report, json);
        Golden(Path.Combine(root, "expected.txt"), text.ToString());
        Golden(Path.Combine(root, "expected.json"), json.ToString());
    }

    /// <summary><c>audit --listeners</c> reads back exactly what <c>--format json</c> wrote: every listener and unsilenced finding.</summary>
    [Theory]
    [MemberData(nameof(Layouts))]
    public void AgentReportReader_ReadsTheJsonBack(string layout)
    {
        var root = Path.Combine(Folder, layout);
        var problems = new List<InputProblem>();

        var read = AgentReportReader.Read(
            new SourceFile("expected.json", File.ReadAllText(Path.Combine(root, "expected.json"))),
            RuleCatalog.NodeRules.Select(r => r.Descriptor.Id).ToHashSet(StringComparer.Ordinal),
            problems)!;

        problems.ShouldBeEmpty();
        var report = Report(root);
        read.Node.ShouldBe(report.Node);
        read.Listeners.ShouldBe(report.Listeners.Select(l => new AgentReportListener(
            l.Socket.Protocol,
            l.Socket.Address,
            l.Socket.Port,
            l.Holder?.Pid,
            l.Holder?.Name,
            l.Owner.Kind == OwnerKind.Pod ? new AgentReportPod(l.Owner.Pod?.Pod.Metadata.Namespace, l.Owner.Pod?.Pod.Name, l.Owner.PodUid, l.Owner.Container) : null,
            l.Declared)));
        read.Findings.Select(f => (f.Rule, f.Severity, f.Message, f.Namespace, f.Pod, f.Container, f.Port, f.Protocol)).ShouldBe(
            report.Findings.Where(f => !f.IsSuppressed).Select(f => (f.Rule.Id, f.Severity.ToString().ToLowerInvariant(), f.Message, f.Namespace, f.PodName, f.Container, f.Port, f.Protocol)));
    }

    private static NodeReport Report(string root)
    {
        using var pods = File.OpenRead(Path.Combine(root, "pods.json"));
        var snapshot = SnapshotReader.Read("pods.json", pods).Snapshot;
        return NodeAnalyzer.Analyze(NodeView.Build(new NodeScanner(new ProcFileSystem(root)).Scan(), new NodePods("node-a", snapshot.Pods), Now, NodeView.DefaultGrace));
    }

    private static void Golden(string path, string actual)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        actual.ShouldBe(File.Exists(path) ? File.ReadAllText(path) : "(no golden file)", $"{path} differs (UPDATE_GOLDEN=1 rewrites it)");
    }
}
