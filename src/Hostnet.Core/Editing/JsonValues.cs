using System.Globalization;
using System.Text.Json.Nodes;
using Hostnet.Core.Documents;

namespace Hostnet.Core.Editing;

/// <summary>Loaded YAML as the JSON kubectl sends for it (YAML 1.1 typing of plain scalars).</summary>
internal static class JsonValues
{
    /// <summary>The node as JSON, or null for a null (which a patch cannot move) or an unreadable number.</summary>
    public static JsonNode? From(SourceNode node) => node switch
    {
        SourceMapping mapping => Object(mapping),
        SourceSequence sequence => Array(sequence),
        SourceScalar scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonObject? Object(SourceMapping mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Entries)
        {
            if (From(value) is not { } json)
            {
                return null;
            }

            result[key] = json;
        }

        return result;
    }

    private static JsonArray? Array(SourceSequence sequence)
    {
        var result = new JsonArray();
        foreach (var item in sequence.Items)
        {
            if (From(item) is not { } json)
            {
                return null;
            }

            result.Add(json);
        }

        return result;
    }

    private static JsonValue? Scalar(SourceScalar scalar)
    {
        switch (scalar.ScalarKind)
        {
            case ScalarKind.Null:
                return null;
            case ScalarKind.Boolean:
                scalar.TryGetBoolean(out var flag);
                return JsonValue.Create(flag);
            case ScalarKind.Integer:
                scalar.TryGetInt64(out var number);
                return JsonValue.Create(number);
            case ScalarKind.Float:
                return double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real) ? JsonValue.Create(real) : null;
            default:
                return JsonValue.Create(scalar.Value);
        }
    }
}
