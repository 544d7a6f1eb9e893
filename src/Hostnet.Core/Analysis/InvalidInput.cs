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
        RuleSection.ApiServerRejects)
    {
        Messages = [Messages.InputProblem, Messages.WrongType],
        Fixes = [Fixes.WhatWasMeant],
    };

    /// <summary>
    /// HN000's messages: what the loader found ({0}: Loading's own text, with the position), or the API server's decoding
    /// error for a value of the wrong type ({0}).
    /// </summary>
    internal static class Messages
    {
        public static RuleText InputProblem { get; } = new(nameof(InputProblem), "{0}");

        public static RuleText WrongType { get; } = new(nameof(WrongType), "{0}");
    }

    /// <summary>HN000's fix, for a value of the wrong type: what the author probably meant ({0}, Semantics/Schema/SchemaMessages).</summary>
    internal static class Fixes
    {
        public static RuleText WhatWasMeant { get; } = new(nameof(WhatWasMeant), "{0}");
    }

    public static Diagnostic From(InputProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new Diagnostic(Descriptor, Severity.Error, Messages.InputProblem.With(problem.Message), Fix: null, problem.File, problem.Position, Object: null, FieldPath: null);
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
        return new Diagnostic(Descriptor, Severity.Error, Messages.WrongType.With(violation.Message), violation.Hint is { } hint ? Fixes.WhatWasMeant.With(hint) : null, wrongType.Document.File, violation.Position, subject, violation.FieldPath);
    }
}
