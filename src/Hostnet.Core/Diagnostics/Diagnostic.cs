using Hostnet.Core.Documents;


namespace Hostnet.Core.Diagnostics;

/// <summary>One finding, positioned in its file.</summary>
/// <param name="Rule">The rule that found it.</param>
/// <param name="Severity">The severity after configuration.</param>
/// <param name="Message">What is wrong and what happens at run time.</param>
/// <param name="Fix">What to do about it; null when there is nothing to say.</param>
/// <param name="File">The file, as given on the command line (<c>-</c> for standard input).</param>
/// <param name="Position">The line and column of the most specific field.</param>
/// <param name="Object">The object, when the finding is about one.</param>
/// <param name="FieldPath">The field path, e.g. <c>spec.template.spec.dnsPolicy</c>.</param>
/// <param name="Suppression">The reason given in a <c>hostnet.dev/ignore-&lt;ID&gt;</c> annotation, when suppressed.</param>
public sealed record Diagnostic(
    RuleDescriptor Rule,
    Severity Severity,
    string Message,
    string? Fix,
    string File,
    SourcePosition Position,
    ObjectReference? Object,
    string? FieldPath,
    string? Suppression = null)
{
    public bool IsSuppressed => Suppression is not null;
}
