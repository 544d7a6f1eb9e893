using System.Globalization;
using System.Text;
using Hostnet.Core.Audit;
using Hostnet.Core.Diagnostics;

namespace Hostnet.Core.Reporting;

/// <summary><c>hostnet audit --format text</c>: a heading with the cluster's size, the inventory table, the findings, a summary line.</summary>
public static class AuditTextWriter
{
    private static readonly string[] Header = ["NAMESPACE", "OWNER", "PODS", "NODES", "HOST NETWORK", "PORTS", "DNS", "PRIVILEGES", "POD SECURITY", "SERVICES", "NETWORK POLICIES"];

    public static void Write(AuditReport report, TextWriter output, bool colour)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Heading(report) + "\n\n");
        var listening = report.Listeners.Count > 0;
        if (listening)
        {
            output.Write($"Listeners: the agents' reports of {Count(report.Listeners.Count, "node")} ({LiveNodes(report)})\n\n");
        }

        output.Write("Inventory: workloads and pods on the host network or with host ports\n");
        if (report.Inventory.Count == 0)
        {
            output.Write("  none\n");
        }
        else
        {
            // With the agents' reports, what really listens goes beside the declared PORTS.
            string[] header = listening ? [.. Header[..6], "LISTENING", .. Header[6..]] : Header;
            WriteTable([header, .. report.Inventory.Select(e => listening ? [.. Row(e)[..6], Join(e.Listening ?? []), .. Row(e)[6..]] : Row(e))], output);
        }

        output.Write("\nFindings\n");
        var writer = new TextReportWriter(colour);
        foreach (var finding in report.Findings)
        {
            writer.WriteOne(finding.Diagnostic, ReportSources.None, output, finding.Observed ? "(observed)" : null);
        }

        if (report.Findings.Count == 0)
        {
            output.Write("  none\n");
        }

        output.Write("\n" + Summary(report) + "\n");
    }

    public static string Heading(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var totals = report.Totals;
        var server = report.ServerVersion is null ? string.Empty : $" (server {report.ServerVersion})";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"hostnet audit of {report.Source}{server}: {Count(totals.Nodes, "node")}, {Count(totals.Pods, "pod")}, {Count(totals.Namespaces, "namespace")}, {Count(totals.Workloads, "workload")}; {Count(totals.HostNetworkPods, "pod")} on the host network or with host ports");
    }

    public static string Summary(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var observed = report.Findings.Count(f => f.Observed);
        var suppressed = report.Findings.Count(f => f.Diagnostic.IsSuppressed);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Count(report.Inventory.Count, "host-network owner")}: {Count(report.Count(Severity.Error), "error")}, {Count(report.Count(Severity.Warning), "warning")}, {TextReportWriter.Plural(report.Count(Severity.Info), "info")} ({observed} observed in the cluster's state{(suppressed > 0 ? $", {suppressed} suppressed" : string.Empty)})");
    }

    private static string Count(int count, string noun) => TextReportWriter.Plural(count, noun);

    private static string LiveNodes(AuditReport report) => Rules.RunTime.KnownNodes.List([.. report.Listeners.Select(r => r.Node)]);

    private static string[] Row(InventoryEntry entry) =>
    [
        entry.Owner.Namespace,
        entry.Owner.ToString(),
        entry.Pods.ToString(),
        entry.Nodes.ToString(CultureInfo.InvariantCulture),
        entry.HostNetwork ? "yes" : "no",
        Join(entry.Ports),
        entry.DnsPolicy,
        Join(entry.Privileges),
        entry.PodSecurity.ToString(),
        Join(entry.Services),
        Join(entry.NetworkPolicies),
    ];

    private static string Join(IReadOnlyList<string> items) => items.Count == 0 ? "-" : string.Join(", ", items);

    private static void WriteTable(List<string[]> rows, TextWriter output)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var line = new StringBuilder();
        foreach (var row in rows)
        {
            line.Clear().Append("  ");
            for (var c = 0; c < row.Length; c++)
            {
                line.Append(c == row.Length - 1 ? row[c] : row[c].PadRight(widths[c] + 2));
            }

            output.Write(line.ToString().TrimEnd() + "\n");
        }
    }
}
