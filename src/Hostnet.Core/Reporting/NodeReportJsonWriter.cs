using System.Text.Json;
using Hostnet.Core.NodeState;

namespace Hostnet.Core.Reporting;

/// <summary>
/// <c>hostnet agent --format json</c> (docs/agent.md): <c>{"node", "listeners": [{"protocol", "address", "port", "pid",
/// "process", "pod": {"namespace", "name", "uid", "container"} | null, "declared"}], "findings": [{"rule", "slug",
/// "severity", "message", "namespace", "pod", "container", "port", "protocol"}]}</c>. Silenced findings are left out.
/// </summary>
public static class NodeReportJsonWriter
{
    public static void Write(NodeReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteString("node", report.Node);
            json.WriteStartArray("listeners");
            foreach (var listener in report.Listeners)
            {
                WriteListener(json, listener);
                JsonOutput.FlushWhenLarge(json);
            }

            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var finding in report.Findings.Where(f => !f.IsSuppressed))
            {
                json.WriteStartObject();
                json.WriteString("rule", finding.Rule.Id);
                json.WriteString("slug", finding.Rule.Slug);
                json.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
                json.WriteString("message", finding.Message);
                JsonOutput.WriteNullable(json, "namespace", finding.Namespace);
                JsonOutput.WriteNullable(json, "pod", finding.PodName);
                JsonOutput.WriteNullable(json, "container", finding.Container);
                json.WriteNumber("port", finding.Port);
                json.WriteString("protocol", finding.Protocol);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void WriteListener(Utf8JsonWriter json, NodeListener listener)
    {
        json.WriteStartObject();
        json.WriteString("protocol", listener.Socket.Protocol);
        json.WriteString("address", listener.Socket.Address);
        json.WriteNumber("port", listener.Socket.Port);
        if (listener.Holder is { } holder)
        {
            json.WriteNumber("pid", holder.Pid);
            json.WriteString("process", holder.Name);
        }
        else
        {
            json.WriteNull("pid");
            json.WriteNull("process");
        }

        if (listener.Owner.Kind == OwnerKind.Pod)
        {
            json.WriteStartObject("pod");
            JsonOutput.WriteNullable(json, "namespace", listener.Owner.Pod?.Pod.Metadata.Namespace);
            JsonOutput.WriteNullable(json, "name", listener.Owner.Pod?.Pod.Name);
            JsonOutput.WriteNullable(json, "uid", listener.Owner.PodUid);
            JsonOutput.WriteNullable(json, "container", listener.Owner.Container);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("pod");
        }

        json.WriteBoolean("declared", listener.Declared);
        json.WriteEndObject();
    }
}
