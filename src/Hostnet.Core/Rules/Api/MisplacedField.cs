using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;

namespace Hostnet.Core.Rules.Api;

/// <summary>
/// HN004: a field the API server's strict decoding rejects as unknown, above all a pod-level field under a container
/// (<c>hostNetwork</c>, <c>dnsPolicy</c>, <c>hostPID</c>) or a wrong-case spelling. The message is the API server's own
/// (<c>strict decoding error: unknown field "…"</c>, k8s.io/apimachinery/pkg/runtime/serializer/json, strict mode);
/// the schema comes from the upstream round-trip fixtures (tools/gen-schema.py).
/// </summary>
internal sealed class MisplacedField : IRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN004",
        "misplaced-field",
        "A field the API does not know at that place (e.g. hostNetwork under a container)",
        Severity.Error,
        RuleSection.ApiServerRejects)
    {
        Messages = [Messages.StrictDecodingError],
        Fixes = [Fixes.WhatWasMeant, Fixes.RemoveOrMove],
    };

    public RuleDescriptor Descriptor => Rule;

    /// <summary>HN004's message: the API server's strict decoding error ({0}).</summary>
    internal static class Messages
    {
        public static RuleText StrictDecodingError { get; } = new(nameof(StrictDecodingError), "{0}");
    }

    /// <summary>HN004's fixes: what the author probably meant ({0}, Semantics/Schema/SchemaMessages), else the general one.</summary>
    internal static class Fixes
    {
        public static RuleText WhatWasMeant { get; } = new(nameof(WhatWasMeant), "{0}");

        public static RuleText RemoveOrMove { get; } = new(nameof(RemoveOrMove), "remove the field, or move it where it belongs");
    }

    public void Check(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (document, subject, violation) in context.UnknownFields)
        {
            var message = Messages.StrictDecodingError.With(violation.Message);
            var fix = violation.Hint is { } hint ? Fixes.WhatWasMeant.With(hint) : Fixes.RemoveOrMove.Text;
            if (subject is not null)
            {
                context.Report(Rule, subject, violation.FieldPath, message, fix, position: violation.Position);
            }
            else
            {
                context.Add(new Diagnostic(Rule, Rule.DefaultSeverity, message, fix, document.File, violation.Position, new ObjectReference(document.Kind, null, null), violation.FieldPath));
            }
        }
    }
}
