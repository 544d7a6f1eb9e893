using System.Text.Json.Nodes;

namespace Hostnet.Core.Editing;

/// <summary>
/// Renders field edits as an RFC 6902 JSON Patch, as a mutating admission webhook returns it (base64 of this JSON in
/// <c>response.patch</c>, <c>patchType: JSONPatch</c>). Operations apply in order; no edit removes a sequence item,
/// so no index shifts under a later operation.
/// </summary>
internal static class JsonPatch
{
    public static IReadOnlyList<JsonPatchOperation> From(IEnumerable<FieldEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(edits);
        return [.. edits.Select(Operation)];
    }

    /// <summary>The patch as JSON text: <c>[{"op":"replace","path":"/spec/dnsPolicy","value":"None"}]</c>.</summary>
    public static string ToJson(IEnumerable<JsonPatchOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var array = new JsonArray();
        foreach (var operation in operations)
        {
            var item = new JsonObject { ["op"] = operation.Op };
            if (operation.From is not null)
            {
                item["from"] = operation.From;
            }

            item["path"] = operation.Path;
            if (operation.Value is not null)
            {
                item["value"] = operation.Value.DeepClone();
            }

            array.Add((JsonNode)item);
        }

        return array.ToJsonString();
    }

    private static JsonPatchOperation Operation(FieldEdit edit) => edit switch
    {
        SetField set => new JsonPatchOperation("replace", FieldPaths.JsonPointer(set.Path), set.Value.DeepClone()),
        AddField add => new JsonPatchOperation("add", FieldPaths.JsonPointer(add.TargetPath), add.Value.DeepClone()),
        AppendItem append => new JsonPatchOperation("add", FieldPaths.JsonPointer(append.Path) + "/-", append.Value.DeepClone()),
        RemoveField remove => new JsonPatchOperation("remove", FieldPaths.JsonPointer(remove.TargetPath), null),
        // The API server applies a webhook's patch with evanphx/json-patch, which has move (RFC 6902 4.4)
        // (k8s.io/apiserver/pkg/admission/plugin/webhook/mutating/dispatcher.go).
        RenameField rename => new JsonPatchOperation("move", FieldPaths.JsonPointer(rename.TargetPath), null, FieldPaths.JsonPointer(rename.SourcePath)),
        _ => throw new ArgumentException("unknown edit " + edit.GetType().Name, nameof(edit)),
    };
}
