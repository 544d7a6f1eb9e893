using System.Text.Json.Nodes;
using Hostnet.Core.Documents;

namespace Hostnet.Core.Editing;

/// <summary>Edits the fixers compose from the primitives.</summary>
internal static class FieldEdits
{
    /// <summary>Sets <paramref name="key"/> of a mapping when it is written, adds it (after <paramref name="after"/>) when not.</summary>
    public static FieldEdit SetOrAdd(string ruleId, SourceMapping mapping, string mappingPath, string key, JsonNode value, string? after = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(value);
        return mapping[key] is null
            ? new AddField(ruleId, mappingPath, key, value.DeepClone(), after)
            : new SetField(ruleId, FieldPaths.Child(mappingPath, key), value.DeepClone());
    }
}
