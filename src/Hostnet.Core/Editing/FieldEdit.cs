namespace Hostnet.Core.Editing;

/// <summary>
/// One change to a document at a field path, independent of how the document is written. <c>hostnet fix</c> renders
/// it as a minimal text edit (<see cref="TextFixer"/>), the mutating webhook as RFC 6902 operations (<see cref="JsonPatch"/>).
/// Paths are written as Kubernetes writes them (<c>spec.template.spec.containers[0].ports</c>), relative to the object.
/// </summary>
/// <param name="RuleId">The rule whose finding the edit repairs.</param>
/// <param name="Path">The field the edit replaces, or the mapping or sequence it changes.</param>
public abstract record FieldEdit(string RuleId, string Path)
{
    /// <summary>The field the edit writes or removes (for a sequence, the sequence).</summary>
    public abstract string TargetPath { get; }
}
