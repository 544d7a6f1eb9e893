using System.Text.Json.Nodes;

namespace Hostnet.Core.Editing;

/// <summary>Adds a key that is not written to a mapping (RFC 6902 <c>add</c>).</summary>
/// <param name="Path">The mapping, e.g. <c>spec.template.spec</c>; empty for the object itself.</param>
/// <param name="Key">The key to add.</param>
/// <param name="Value">Its value; mappings and sequences are written out whole.</param>
/// <param name="After">In text, put the key right after this one when the mapping has it (otherwise last).</param>
public sealed record AddField(string RuleId, string Path, string Key, JsonNode Value, string? After = null) : FieldEdit(RuleId, Path)
{
    public override string TargetPath => FieldPaths.Child(Path, Key);
}
