namespace Hostnet.Core.Editing;

/// <summary>Removes a key from a mapping (RFC 6902 <c>remove</c>).</summary>
/// <param name="Path">The mapping, e.g. <c>spec.template.spec.containers[0]</c>.</param>
/// <param name="Key">The key to remove.</param>
public sealed record RemoveField(string RuleId, string Path, string Key) : FieldEdit(RuleId, Path)
{
    public override string TargetPath => FieldPaths.Child(Path, Key);
}
