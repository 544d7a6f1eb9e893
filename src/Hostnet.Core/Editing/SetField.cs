using System.Text.Json.Nodes;

namespace Hostnet.Core.Editing;

/// <summary>Replaces the value of a field that is written (RFC 6902 <c>replace</c>).</summary>
/// <param name="Path">The field, e.g. <c>spec.template.spec.dnsPolicy</c>.</param>
/// <param name="Value">The new value.</param>
public sealed record SetField(string RuleId, string Path, JsonNode Value) : FieldEdit(RuleId, Path)
{
    public override string TargetPath => Path;
}
