using System.Globalization;
using System.Text;
using System.Text.Json;
using Hostnet.Core.Ports;
using Hostnet.Core.Reporting;

namespace Hostnet.Core.Reporting;

/// <summary>Writes <c>hostnet ports</c> output: a table (text) or the document of docs/json-output.md (json).</summary>
public static class PortMapWriter
{
    private const string EveryNodeName = "*";

    private static readonly string[] Header = ["NODE", "PORT", "PROTOCOL", "HOST IP", "SOURCE", "OWNER", "WORKLOAD", "DETAIL"];

    /// <summary>The map (and the free ports, when asked) in <c>--format</c>'s format: json, else text.</summary>
    public static void Write(PortMap map, FreePortQuery? free, string format, TextWriter output)
    {
        if (format == "json")
        {
            WriteJson(map, free, output);
        }
        else
        {
            WriteText(map, free, output);
        }
    }

    public static void WriteText(PortMap map, FreePortQuery? free, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(output);
        if (free is not null)
        {
            WriteFree(free, output);
            return;
        }

        var rows = new List<string[]> { Header };
        rows.AddRange(map.EveryNode.Select(u => Row(EveryNodeName, u)));
        rows.AddRange(map.Nodes.SelectMany(n => n.Ports.Select(u => Row(n.Node, u))));
        var widths = Enumerable.Range(0, Header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var line = new StringBuilder();
        foreach (var row in rows)
        {
            line.Clear();
            for (var c = 0; c < row.Length; c++)
            {
                line.Append(c == row.Length - 1 ? row[c] : row[c].PadRight(widths[c] + 2));
            }

            output.WriteLine(line.ToString().TrimEnd());
        }

        output.WriteLine();
        output.WriteLine("* = on every node. Only \"declared\" ports are known to the scheduler (NodePorts filter); inferred listeners, node components and Service node ports are not.");
        if (map.Unplaced.Count > 0)
        {
            output.WriteLine($"Not placed (they would not run, see hostnet plan): {string.Join(", ", map.Unplaced)}.");
        }
    }

    public static void WriteJson(PortMap map, FreePortQuery? free, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(output);
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("everyNode");
            foreach (var use in map.EveryNode)
            {
                WriteUse(json, use);
            }

            json.WriteEndArray();
            json.WriteStartArray("nodes");
            foreach (var node in map.Nodes)
            {
                json.WriteStartObject();
                json.WriteString("name", node.Node);
                json.WriteStartArray("ports");
                foreach (var use in node.Ports)
                {
                    WriteUse(json, use);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("unplaced");
            foreach (var workload in map.Unplaced)
            {
                json.WriteStringValue(workload);
            }

            json.WriteEndArray();
            if (free is null)
            {
                json.WriteNull("free");
            }
            else
            {
                WriteFree(json, free);
            }

            json.WriteEndObject();
        });
    }

    private static void WriteFree(Utf8JsonWriter json, FreePortQuery free)
    {
        json.WriteStartObject("free");
        json.WriteString("protocol", free.Protocol);
        json.WriteNumber("from", free.From);
        json.WriteNumber("to", free.To);
        json.WriteStartArray("nodes");
        foreach (var node in free.Nodes)
        {
            json.WriteStringValue(node);
        }

        json.WriteEndArray();
        json.WriteStartArray("ports");
        foreach (var (from, to) in free.Free)
        {
            json.WriteStartObject();
            json.WriteNumber("from", from);
            json.WriteNumber("to", to);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFree(FreePortQuery free, TextWriter output)
    {
        var nodes = free.Nodes.Count == 1 ? $"node {free.Nodes[0]}" : string.Create(CultureInfo.InvariantCulture, $"all {free.Nodes.Count} nodes");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Free {free.Protocol} ports in {free.From}-{free.To} on {nodes}:"));
        output.WriteLine(free.Free.Count == 0 ? "none" : string.Join(", ", free.Free.Select(Range)));
    }

    private static string Range((int From, int To) range) => range.From == range.To
        ? range.From.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{range.From}-{range.To}");

    private static string[] Row(string node, PortUse use) =>
    [
        node,
        Range((use.Port, use.ToPort)),
        use.Protocol,
        use.HostIP,
        SourceWord(use.Source),
        use.Owner + (use.Planned ? (use.Certain ? " (planned)" : " (planned, in this run)") : string.Empty) + (use.Terminating ? " (terminating)" : string.Empty),
        use.Workload ?? "-",
        use.Detail,
    ];

    private static string SourceWord(PortSource source) => source switch
    {
        PortSource.Declared => "declared",
        PortSource.Inferred => "inferred",
        PortSource.NodeComponent => "component",
        _ => "nodePort",
    };

    /// <param name="listening">Whether a node agent saw a socket on the port (<c>audit --listeners</c>); null when none reported.</param>
    internal static void WriteUse(Utf8JsonWriter json, PortUse use, bool? listening = null)
    {
        json.WriteStartObject();
        json.WriteNumber("port", use.Port);
        json.WriteNumber("toPort", use.ToPort);
        json.WriteString("protocol", use.Protocol);
        json.WriteString("hostIP", use.HostIP);
        json.WriteString("source", JsonNamingPolicy.CamelCase.ConvertName(use.Source.ToString()));
        json.WriteBoolean("knownToScheduler", use.KnownToScheduler);
        json.WriteString("owner", use.Owner);
        JsonOutput.WriteNullable(json, "workload", use.Workload);
        json.WriteString("detail", use.Detail);
        json.WriteBoolean("planned", use.Planned);
        json.WriteBoolean("certain", use.Certain);
        json.WriteBoolean("terminating", use.Terminating);
        if (listening is { } seen)
        {
            json.WriteBoolean("listening", seen);
        }

        json.WriteEndObject();
    }
}
