using System.Text.Json;
using Hostnet.Core.Semantics.Dns;

namespace Hostnet.Core.Reporting;

/// <summary><c>hostnet dns --format json</c>, documented in docs/json-output.md: stable property order.</summary>
public static class DnsJsonWriter
{
    public static void Write(PodDnsReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        JsonOutput.Write(output, json =>
        {
            var config = report.Result?.Config;
            json.WriteStartObject();
            JsonOutput.WriteNullable(json, "workload", report.Workload);
            json.WriteString("namespace", report.Pod.Namespace);
            json.WriteString("dnsPolicy", DnsPolicy.Effective(report.Pod.DnsPolicy));
            json.WriteBoolean("hostNetwork", report.Pod.HostNetwork);
            JsonOutput.WriteNullable(json, "policyApplied", report.Result?.PolicyApplied);
            WriteList(json, "nameservers", config?.Nameservers ?? []);
            WriteList(json, "searches", config?.Searches ?? []);
            WriteList(json, "options", config?.Options ?? []);
            JsonOutput.WriteNullable(json, "resolvConf", config?.Render());
            json.WriteStartArray("warnings");
            foreach (var warning in report.Warnings)
            {
                json.WriteStartObject();
                json.WriteString("object", warning.InvolvedObject);
                json.WriteString("reason", warning.Reason);
                json.WriteString("message", warning.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteList(json, "apiErrors", [.. report.ApiErrors.Select(e => e.ToString())]);
            JsonOutput.WriteNullable(json, "error", report.Result?.Error);
            WriteList(json, "explanation", report.Explanation);
            JsonOutput.WriteNullable(json, "hostname", report.Hosts?.Hostname);
            JsonOutput.WriteNullable(json, "fqdn", report.Hosts?.Fqdn);
            JsonOutput.WriteNullable(json, "etcHosts", report.Hosts?.HostsFile);
            JsonOutput.WriteNullable(json, "sandboxError", report.Hosts?.Error);
            json.WriteEndObject();
        });
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
