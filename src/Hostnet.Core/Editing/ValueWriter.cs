using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;

namespace Hostnet.Core.Editing;

/// <summary>Writes new values in a document's own style: block YAML, flow YAML, or JSON.</summary>
internal sealed class ValueWriter(DocumentStyle style)
{
    private static readonly HashSet<string> Yaml11Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~",
    };

    /// <summary>A scalar, quoted as the one it replaces was (plain where that reads the same).</summary>
    public string Scalar(JsonNode value, ScalarStyle replaced = ScalarStyle.Plain)
    {
        if (value.GetValueKind() != JsonValueKind.String)
        {
            return value.ToJsonString();
        }

        var text = value.GetValue<string>();
        if (style.IsJson || replaced == ScalarStyle.DoubleQuoted)
        {
            return value.ToJsonString();
        }

        if (replaced == ScalarStyle.SingleQuoted)
        {
            return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
        }

        return IsPlainSafe(text) ? text : value.ToJsonString();
    }

    public string Key(string key) => style.IsJson || !IsPlainSafe(key) ? JsonValue.Create(key).ToJsonString() : key;

    /// <summary>A value on one line: <c>{name: metrics, containerPort: 9100}</c>, or its JSON.</summary>
    public string Flow(JsonNode value) => value switch
    {
        JsonObject map => "{" + string.Join(", ", map.Select(e => Key(e.Key) + ": " + Flow(e.Value!))) + "}",
        JsonArray list => "[" + string.Join(", ", list.Select(item => Flow(item!))) + "]",
        _ => Scalar(value),
    };

    /// <summary>A block entry at <paramref name="indent"/> spaces, ending with a line break.</summary>
    public void BlockEntry(StringBuilder output, string key, JsonNode value, int indent)
    {
        output.Append(' ', indent).Append(Key(key)).Append(':');
        switch (value)
        {
            case JsonObject { Count: > 0 } map:
                output.Append(style.LineBreak);
                foreach (var (childKey, child) in map)
                {
                    BlockEntry(output, childKey, child!, indent + style.IndentStep);
                }

                break;
            case JsonArray { Count: > 0 } list:
                output.Append(style.LineBreak);
                foreach (var item in list)
                {
                    BlockItem(output, item!, indent + style.SequenceIndent, style.ItemOffset);
                }

                break;
            default:
                output.Append(' ').Append(Flow(value)).Append(style.LineBreak);
                break;
        }
    }

    /// <summary>A block sequence item whose dash stands at <paramref name="dashIndent"/> spaces and whose content <paramref name="contentOffset"/> further.</summary>
    public void BlockItem(StringBuilder output, JsonNode item, int dashIndent, int contentOffset)
    {
        if (item is not JsonObject { Count: > 0 } map)
        {
            output.Append(' ', dashIndent).Append('-').Append(' ', contentOffset - 1).Append(Flow(item)).Append(style.LineBreak);
            return;
        }

        var first = true;
        foreach (var (key, value) in map)
        {
            var entry = new StringBuilder();
            BlockEntry(entry, key, value!, dashIndent + contentOffset);
            if (first)
            {
                entry.Remove(0, dashIndent + contentOffset).Insert(0, new string(' ', dashIndent) + "-" + new string(' ', contentOffset - 1));
                first = false;
            }

            output.Append(entry);
        }
    }

    /// <summary>Whether a string reads back as the same string when written plain (in block or flow context).</summary>
    private static bool IsPlainSafe(string text) =>
        text.Length > 0
        && char.IsAsciiLetter(text[0])
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')
        && !Yaml11Words.Contains(text);
}
