namespace Hostnet.Core.Admission;

/// <summary>One finding about the reviewed object, and what the policy does with it.</summary>
/// <param name="Id">A rule ID (<c>HN030</c>) or a <see cref="PolicyFinding"/> ID.</param>
/// <param name="FieldPath">The field at fault, e.g. <c>spec.template.spec.dnsPolicy</c>; null for the object as a whole.</param>
/// <param name="Message">What is wrong and what happens at run time.</param>
/// <param name="Fix">What to do; null when there is nothing to say.</param>
/// <param name="Action">What admission does with it.</param>
public sealed record AdmissionFinding(string Id, string? FieldPath, string Message, string? Fix, PolicyAction Action)
{
    /// <summary>One line: ID, field path, message and fix, as the denial message and warnings list it.</summary>
    public override string ToString()
    {
        // API validation messages begin with the field path already.
        var at = FieldPath is null || Message.StartsWith(FieldPath, StringComparison.Ordinal) ? string.Empty : " " + FieldPath;
        var fix = Fix is null ? string.Empty : $" (fix: {Fix})";
        return $"{Id}{at}: {Message}{fix}";
    }

    /// <summary>Whether two findings say the same about the same field (to tell what an update introduces).</summary>
    public bool SameAs(AdmissionFinding other) =>
        other is not null && Id == other.Id && FieldPath == other.FieldPath && Message == other.Message;
}
