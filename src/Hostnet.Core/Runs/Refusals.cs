using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Rules.Api;
using Hostnet.Core.Rules.Security;
using Hostnet.Core.Scheduling.Planning;
using Hostnet.Core.Semantics.Schema;

namespace Hostnet.Core.Runs;

/// <summary>
/// Which workloads of the input the cluster refuses, read from the findings of <c>hostnet check</c> on the same input,
/// so that plan and check never disagree: a finding of RULES.md section A (the API server's validation, whatever its
/// configured severity: the API server does not read <c>.hostnet.yaml</c>; but not its warnings, HN021, which the API
/// server returns beside a stored object) refuses the object itself; an error of
/// HN050 (Pod Security enforce) refuses its pods, and so does the Pod validation for the errors of a StatefulSet's
/// template before 1.34 (<see cref="StatefulSetPodValidation"/>). Several copies of one object are told apart by position.
/// </summary>
internal static class Refusals
{
    public const string ApiServer = "the API server";

    public const string PodSecurity = "Pod Security";

    /// <summary>The Pod validation, which refuses each Pod of a StatefulSet stored before 1.34 (<see cref="StatefulSetPodValidation"/>).</summary>
    public const string PodValidation = "the Pod validation";

    /// <summary>The refusal of each refused workload (by reference: copies of one name are different objects).</summary>
    public static IReadOnlyDictionary<Workload, RefusedObject> Find(CheckReport report, IReadOnlyList<Workload> workloads, string defaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(workloads);
        var byObject = workloads.ToLookup(w => (w.Kind, Namespace: w.NamespaceOr(defaultNamespace), w.Name));
        var refused = new Dictionary<Workload, RefusedObject>(ReferenceEqualityComparer.Instance);
        var findings = report.Diagnostics.Where(d => d.Object is { Name: not null } && Refuses(d));
        foreach (var group in findings.GroupBy(d => Copy(d, byObject, defaultNamespace)).Where(g => g.Key is not null))
        {
            var workload = group.Key!;
            var api = group.Where(d => d.Rule.Section == RuleSection.ApiServerRejects).ToList();
            var @namespace = workload.NamespaceOr(defaultNamespace);
            var podErrors = api.Select(StatefulSetPodValidation.PodError).ToList();
            refused[workload] = api.Count == 0
                ? new RefusedObject(workload.Kind, @namespace, workload.Name, PodSecurity, group.First().Message)
                : podErrors.TrueForAll(e => e is not null)
                    ? new RefusedObject(workload.Kind, @namespace, workload.Name, PodValidation, StatefulSetPodValidation.FailedCreate(workload, [.. podErrors.Select(e => InvalidDnsPolicy.WithoutSuggestion(e!)).Distinct(StringComparer.Ordinal)]))
                    : new RefusedObject(workload.Kind, @namespace, workload.Name, ApiServer, CannotBeHandled(workload, api) ?? Invalid(workload, api));
        }

        return refused;
    }

    private static bool Refuses(Diagnostic diagnostic) =>
        (diagnostic.Rule.Section == RuleSection.ApiServerRejects && diagnostic.Rule.DefaultSeverity == Severity.Error)
        || (diagnostic.Rule.Id == PodSecurityViolation.Rule.Id && diagnostic.Severity == Severity.Error);

    /// <summary>The copy a finding is about: of those with its kind, namespace and name, the last one in its file that starts before it.</summary>
    private static Workload? Copy(Diagnostic diagnostic, ILookup<(string Kind, string Namespace, string Name), Workload> byObject, string defaultNamespace)
    {
        var reference = diagnostic.Object!;
        return byObject[(reference.Kind, reference.Namespace ?? defaultNamespace, reference.Name!)]
            .Where(w => w.Source.File == diagnostic.File && w.Source.Root.Position.Line <= diagnostic.Position.Line)
            .MaxBy(w => w.Source.Root.Position.Line);
    }

    /// <summary>
    /// The 400 answer when the body does not decode (before any validation): <c>Deployment in version "v1" cannot be
    /// handled as a Deployment: strict decoding error: unknown field "…"</c>, unknown fields joined by ", " after one
    /// prefix; a type error stops decoding by itself (apiserver pkg/endpoints/handlers/rest.go transformDecodeError,
    /// sigs.k8s.io/json strict errors, v1.35). Null when the object decodes.
    /// </summary>
    private static string? CannotBeHandled(Workload workload, List<Diagnostic> errors)
    {
        var typeError = errors.Select(d => d.Message).FirstOrDefault(m => m.StartsWith(SchemaMessages.GoTypeErrorStart, StringComparison.Ordinal));
        var unknown = errors.Select(d => d.Message).Where(m => m.StartsWith(SchemaMessages.StrictDecodingError, StringComparison.Ordinal))
            .Select(m => m[SchemaMessages.StrictDecodingError.Length..]).Distinct(StringComparer.Ordinal).ToList();
        var cause = typeError ?? (unknown.Count > 0 ? SchemaMessages.StrictDecodingError + string.Join(", ", unknown) : null);
        var version = workload.Source.ApiVersion[(workload.Source.ApiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..];
        return cause is null ? null : $"{workload.Kind} in version \"{version}\" cannot be handled as a {workload.Kind}: {cause}";
    }

    /// <summary>
    /// kubectl's words for a 422 Invalid answer: <c>The Deployment "web" is invalid: field: detail</c>, several field
    /// errors as <c>[a, b]</c> (kubectl pkg/cmd/util/helpers.go StandardErrorMessage over apimachinery's
    /// errors.NewInvalid causes and utilerrors.NewAggregate, v1.35).
    /// </summary>
    private static string Invalid(Workload workload, List<Diagnostic> errors)
    {
        var causes = errors.Select(d => InvalidDnsPolicy.WithoutSuggestion(d.Message)).Distinct(StringComparer.Ordinal).ToList();
        var joined = causes.Count == 1 ? causes[0] : $"[{string.Join(", ", causes)}]";
        return $"The {workload.Kind} \"{workload.Name}\" is invalid: {joined}";
    }
}
