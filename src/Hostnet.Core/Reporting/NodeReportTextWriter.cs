using Hostnet.Core.Diagnostics;
using Hostnet.Core.NodeState;

namespace Hostnet.Core.Reporting;

/// <summary>
/// <c>hostnet agent</c>'s text: the listeners as <c>ss -tulpn</c> lists them (Netid, local address, process) with the
/// OWNER (<c>namespace/pod/container</c>, the daemon's name, or <c>-</c>) and DECLARED (whether the pod declares the
/// port; <c>-</c> for what is no pod's), then the findings, then a summary line.
/// </summary>
public static class NodeReportTextWriter
{
    private static readonly string[] Header = ["Netid", "Local Address:Port", "Process", "OWNER", "DECLARED"];

    public static void Write(NodeReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.Write($"node {report.Node}\n");
        var rows = new List<string[]> { Header };
        rows.AddRange(report.Listeners.Select(l => new[]
        {
            l.Socket.Protocol.ToLowerInvariant(),
            l.Socket.Endpoint,
            l.Holder is { } holder ? $"{holder.Name}(pid={holder.Pid})" : "-",
            l.Owner.Kind == OwnerKind.NodeDaemon ? $"{l.Owner} (node daemon)" : l.Owner.ToString(),
            l.Owner.Kind == OwnerKind.Pod ? (l.Declared ? "yes" : "no") : "-",
        }));
        var widths = Enumerable.Range(0, Header.Length).Select(column => rows.Max(r => r[column].Length)).ToArray();
        foreach (var row in rows)
        {
            output.Write(string.Join("  ", row.Select((cell, column) => column == row.Length - 1 ? cell : cell.PadRight(widths[column]))).TrimEnd() + "\n");
        }

        if (report.Findings.Count > 0)
        {
            output.Write("\n");
        }

        foreach (var finding in report.Findings)
        {
            var where = finding.Pod is null ? string.Empty : $"{finding.Namespace}/{finding.PodName}" + (finding.Container is null ? string.Empty : "/" + finding.Container) + " ";
            output.Write($"{finding.Rule.Id} {finding.Severity.ToString().ToLowerInvariant()} {where}{finding.Port}/{finding.Protocol}: {finding.Message}\n");
            output.Write(finding.IsSuppressed ? $"  silenced: {finding.Suppression}\n" : $"  fix: {finding.Fix}\n");
        }

        var active = report.Findings.Where(f => !f.IsSuppressed).ToList();
        output.Write($"\n{report.Listeners.Count} listeners, {Count(active, Severity.Error, "error")}, {Count(active, Severity.Warning, "warning")}"
            + (active.Count < report.Findings.Count ? $", {report.Findings.Count - active.Count} silenced" : string.Empty) + "\n");
    }

    private static string Count(IReadOnlyList<NodeFinding> findings, Severity severity, string noun) =>
        findings.Count(f => f.Severity == severity) is var count && count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
