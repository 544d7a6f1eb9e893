namespace Hostnet.Core.Editing;

/// <summary>Renames a key of a mapping, keeping its value (RFC 6902 <c>move</c>).</summary>
/// <param name="Path">The mapping, e.g. <c>spec.template.spec</c>.</param>
/// <param name="Key">The key as written, e.g. <c>hostnetwork</c>.</param>
/// <param name="NewKey">The key it becomes, e.g. <c>hostNetwork</c>.</param>
public sealed record RenameField(string RuleId, string Path, string Key, string NewKey) : FieldEdit(RuleId, Path)
{
    public override string TargetPath => FieldPaths.Child(Path, NewKey);

    /// <summary>The field as written before the rename.</summary>
    public string SourcePath => FieldPaths.Child(Path, Key);
}
