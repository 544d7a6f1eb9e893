using System.Text.Json;
using Hostnet.Core.Audit;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Ports;

namespace Hostnet.Core.Reporting;

/// <summary><c>hostnet audit --format json</c>: the document of docs/json-output.md ("hostnet audit").</summary>
public static class AuditJsonWriter
{
    public static void Write(AuditReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteString("source", report.Source);
            JsonOutput.WriteNullable(json, "serverVersion", report.ServerVersion);
            json.WriteStartObject("totals");
            json.WriteNumber("nodes", report.Totals.Nodes);
            json.WriteNumber("pods", report.Totals.Pods);
            json.WriteNumber("namespaces", report.Totals.Namespaces);
            json.WriteNumber("workloads", report.Totals.Workloads);
            json.WriteNumber("hostNetworkPods", report.Totals.HostNetworkPods);
            json.WriteEndObject();
            json.WriteStartArray("inventory");
            foreach (var entry in report.Inventory)
            {
                WriteEntry(json, entry);
            }

            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                json.WriteStartObject();
                JsonReportWriter.WriteFields(json, finding.Diagnostic);
                json.WriteBoolean("observed", finding.Observed);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("hostPorts");
            var sockets = report.Listeners.ToDictionary(r => r.Node, r => r.Listeners, StringComparer.Ordinal);
            foreach (var node in report.Ports.Nodes)
            {
                var held = node.Ports.Where(u => u.Source is PortSource.Declared or PortSource.Inferred).ToList();
                if (held.Count == 0)
                {
                    continue;
                }

                json.WriteStartObject();
                json.WriteString("node", node.Node);
                json.WriteStartArray("ports");
                var seen = sockets.GetValueOrDefault(node.Node);
                held.ForEach(u => PortMapWriter.WriteUse(json, u, seen?.Any(l => l.Protocol == u.Protocol && l.Port >= u.Port && l.Port <= u.ToPort)));
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("errors", report.Count(Severity.Error));
            json.WriteNumber("warnings", report.Count(Severity.Warning));
            json.WriteNumber("infos", report.Count(Severity.Info));
            json.WriteNumber("observed", report.Findings.Count(f => f.Observed));
            json.WriteNumber("suppressed", report.Findings.Count(f => f.Diagnostic.IsSuppressed));
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    private static void WriteEntry(Utf8JsonWriter json, InventoryEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("namespace", entry.Owner.Namespace);
        json.WriteString("kind", entry.Owner.Kind);
        json.WriteString("name", entry.Owner.Name);
        json.WriteBoolean("hostNetwork", entry.HostNetwork);
        WriteStrings(json, "ports", entry.Ports);
        if (entry.Listening is { } listening)
        {
            WriteStrings(json, "listening", listening);
        }

        json.WriteString("dnsPolicy", entry.DnsPolicy);
        WriteStrings(json, "privileges", entry.Privileges);
        json.WriteStartObject("podSecurity");
        json.WriteString("enforce", entry.PodSecurity.Enforce);
        json.WriteString("audit", entry.PodSecurity.Audit);
        json.WriteString("warn", entry.PodSecurity.Warn);
        json.WriteBoolean("namespaceKnown", entry.PodSecurity.Known);
        json.WriteEndObject();
        WriteStrings(json, "services", entry.Services);
        WriteStrings(json, "networkPolicies", entry.NetworkPolicies);
        json.WriteStartObject("pods");
        json.WriteNumber("total", entry.Pods.Total);
        json.WriteNumber("running", entry.Pods.Running);
        json.WriteNumber("pending", entry.Pods.Pending);
        json.WriteNumber("terminating", entry.Pods.Terminating);
        json.WriteEndObject();
        json.WriteNumber("nodes", entry.Nodes);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
