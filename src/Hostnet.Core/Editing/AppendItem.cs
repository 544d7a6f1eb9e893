using System.Text.Json.Nodes;

namespace Hostnet.Core.Editing;

/// <summary>Adds an item at the end of a sequence that is written (RFC 6902 <c>add</c> at <c>/-</c>).</summary>
/// <param name="Path">The sequence, e.g. <c>spec.containers[0].ports</c>.</param>
/// <param name="Value">The item.</param>
public sealed record AppendItem(string RuleId, string Path, JsonNode Value) : FieldEdit(RuleId, Path)
{
    public override string TargetPath => Path + "[-]";
}
