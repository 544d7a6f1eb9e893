using Hostnet.Core.Documents;

namespace Hostnet.Core.Loading;

/// <summary>
/// Reads the JSON of <c>hostnet agent --once --format json</c> (docs/agent.md; written by <c>NodeReportJsonWriter</c>)
/// back: text in, an <see cref="AgentReport"/> out. What cannot be read is an input problem at its line and column: a
/// file that is no agent report gives none, a listener or finding that lacks a field is left out and the rest is read.
/// </summary>
public static class AgentReportReader
{
    private static readonly string[] Severities = ["error", "warning", "info"];

    /// <summary>
    /// The reports of several files, one per node (<c>audit --listeners DIR</c>); a second report of a node already read
    /// is a problem and left out.
    /// </summary>
    public static IReadOnlyList<AgentReport> ReadAll(IEnumerable<SourceFile> files, IReadOnlySet<string> nodeRules, List<InputProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(files);
        var reports = new Dictionary<string, AgentReport>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (Read(file, nodeRules, problems) is not { } report)
            {
                continue;
            }

            if (reports.TryGetValue(report.Node, out var first))
            {
                problems.Add(new InputProblem(file.Path, SourcePosition.Start, $"node {report.Node} was already reported by {first.File}; left out"));
                continue;
            }

            reports.Add(report.Node, report);
        }

        return [.. reports.Values];
    }

    /// <param name="nodeRules">The IDs a finding may carry (the catalogue's node rules).</param>
    public static AgentReport? Read(SourceFile file, IReadOnlySet<string> nodeRules, List<InputProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(nodeRules);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var root = new ManifestLoader().Parse(file, problems);
        if (problems.Count > before)
        {
            return null;
        }

        if (root is not SourceMapping report || Fields.String(report, "node") is not { Length: > 0 } node
            || report["listeners"] is not SourceSequence || report["findings"] is not SourceSequence)
        {
            problems.Add(new InputProblem(file.Path, root?.Position ?? SourcePosition.Start,
                "not a report of hostnet agent --once --format json: expected an object with \"node\", \"listeners\" and \"findings\""));
            return null;
        }

        var listeners = new List<AgentReportListener>();
        foreach (var item in Fields.List(report, "listeners"))
        {
            var listener = item as SourceMapping;
            if (Fields.String(listener, "protocol") is { } protocol && Fields.String(listener, "address") is { } address && Fields.Int(listener, "port") is { } port)
            {
                var pod = Fields.Map(listener, "pod");
                listeners.Add(new AgentReportListener(
                    protocol,
                    address,
                    port,
                    Fields.Int(listener, "pid"),
                    Fields.String(listener, "process"),
                    pod is null ? null : new AgentReportPod(Fields.String(pod, "namespace"), Fields.String(pod, "name"), Fields.String(pod, "uid"), Fields.String(pod, "container")),
                    Fields.Bool(listener, "declared") == true));
            }
            else
            {
                problems.Add(new InputProblem(file.Path, item.Position, "a listener needs \"protocol\", \"address\" and \"port\"; left out"));
            }
        }

        var findings = new List<AgentReportFinding>();
        foreach (var item in Fields.List(report, "findings"))
        {
            var finding = item as SourceMapping;
            if (Fields.String(finding, "rule") is not { } rule || !nodeRules.Contains(rule))
            {
                problems.Add(new InputProblem(file.Path, item.Position, $"a finding needs \"rule\", one of {string.Join(", ", nodeRules.Order(StringComparer.Ordinal))}; left out"));
            }
            else if (Fields.String(finding, "severity") is not { } severity || !Severities.Contains(severity, StringComparer.Ordinal)
                || Fields.String(finding, "message") is not { } message || Fields.Int(finding, "port") is not { } port || Fields.String(finding, "protocol") is not { } protocol)
            {
                problems.Add(new InputProblem(file.Path, item.Position, "a finding needs \"severity\" (error, warning or info), \"message\", \"port\" and \"protocol\"; left out"));
            }
            else
            {
                findings.Add(new AgentReportFinding(
                    rule, severity, message, Fields.String(finding, "namespace"), Fields.String(finding, "pod"), Fields.String(finding, "container"), port, protocol, item.Position));
            }
        }

        return new AgentReport(file.Path, node, listeners, findings);
    }
}
