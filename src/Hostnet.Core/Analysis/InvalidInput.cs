using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Loading;

namespace Hostnet.Core.Analysis;

/// <summary>
/// HN000: input that cannot be read as Kubernetes objects. Not a rule over the model: the loader and the strict
/// decoder find these, and the run exits 2 while still checking everything else. It cannot be silenced.
/// </summary>
internal static class InvalidInput
{
    public static RuleDescriptor Descriptor { get; } = new(
        "HN000",
        "invalid-input",
        "Input that cannot be read as Kubernetes objects",
        Severity.Error,
        RuleSection.ApiServerRejects);

    public static Diagnostic From(InputProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new Diagnostic(Descriptor, Severity.Error, problem.Message, Fix: null, problem.File, problem.Position, Object: null, FieldPath: null);
    }

    /// <summary>A value of the wrong JSON type: the API server cannot decode the object at all.</summary>
    public static Diagnostic From(DocumentViolation wrongType, AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(wrongType);
        ArgumentNullException.ThrowIfNull(context);
        var violation = wrongType.Violation;
        var subject = wrongType.Subject is { } known
            ? context.Reference(known)
            : new ObjectReference(wrongType.Document.Kind, null, null);
        return new Diagnostic(Descriptor, Severity.Error, violation.Message, violation.Hint, wrongType.Document.File, violation.Position, subject, violation.FieldPath);
    }
}
