using System.Globalization;
using System.Text.Json.Nodes;
using Hostnet.Core.Editing;

namespace Hostnet.Core.Tests.Support;

/// <summary>A small RFC 6902 applier (add, replace, remove, move) over System.Text.Json nodes, to check the patches the webhook returns.</summary>
internal static class JsonPatchApplier
{
    public static JsonNode Apply(JsonNode document, IEnumerable<JsonPatchOperation> operations)
    {
        var result = document.DeepClone();
        foreach (var operation in operations)
        {
            if (operation is { Op: "move", From: { } from })
            {
                // RFC 6902 4.4: remove the value at "from", then add it at "path".
                var (source, key) = Locate(result, from);
                var value = Child(source, key) ?? throw new InvalidOperationException($"cannot move {from}: it does not exist");
                result = Apply(result, [new JsonPatchOperation("remove", from, null), new JsonPatchOperation("add", operation.Path, value.DeepClone())]);
                continue;
            }

            var (parent, last) = Locate(result, operation.Path);
            switch (operation.Op, parent)
            {
                case ("add", JsonObject map):
                    map[last] = operation.Value!.DeepClone();
                    break;
                case ("add", JsonArray list):
                    if (last == "-")
                    {
                        list.Add(operation.Value!.DeepClone());
                    }
                    else
                    {
                        list.Insert(int.Parse(last, CultureInfo.InvariantCulture), operation.Value!.DeepClone());
                    }

                    break;
                case ("replace", JsonObject map) when map.ContainsKey(last):
                    map[last] = operation.Value!.DeepClone();
                    break;
                case ("replace", JsonArray list):
                    list[int.Parse(last, CultureInfo.InvariantCulture)] = operation.Value!.DeepClone();
                    break;
                case ("remove", JsonObject map) when map.ContainsKey(last):
                    map.Remove(last);
                    break;
                case ("remove", JsonArray list):
                    list.RemoveAt(int.Parse(last, CultureInfo.InvariantCulture));
                    break;
                default:
                    throw new InvalidOperationException($"cannot {operation.Op} {operation.Path}");
            }
        }

        return result;
    }

    /// <summary>The node holding the last step of a JSON Pointer, and that step.</summary>
    private static (JsonNode Parent, string Last) Locate(JsonNode document, string pointer)
    {
        var steps = pointer.Split('/').Skip(1).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        if (steps.Length == 0)
        {
            throw new InvalidOperationException("a patch of the whole document");
        }

        var parent = steps[..^1].Aggregate(document, (node, step) => Child(node, step) ?? throw new InvalidOperationException($"{pointer}: {step} does not exist"));
        return (parent, steps[^1]);
    }

    private static JsonNode? Child(JsonNode node, string step) => node switch
    {
        JsonObject map => map[step],
        JsonArray list => list[int.Parse(step, CultureInfo.InvariantCulture)],
        _ => null,
    };
}
