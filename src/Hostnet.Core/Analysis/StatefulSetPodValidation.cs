using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Validation;

namespace Hostnet.Core.Analysis;

/// <summary>
/// Before 1.34 the apps API did not validate a StatefulSet's pod spec (pkg/apis/apps/validation/validation.go
/// <c>ValidatePodTemplateSpecForStatefulSet</c> checked labels and annotations only; PR #131790 added the pod spec in
/// v1.34): the StatefulSet is stored, and the Pod validation refuses each Pod the controller creates from it. The
/// controller reports <c>FailedCreate</c> on the StatefulSet, naming the Pod
/// (pkg/controller/statefulset/stateful_pod_control.go <c>recordPodEvent</c>), and retries the first ordinal: with
/// OrderedReady <c>runForAll</c> stops at the first failure, with Parallel <c>slowStartBatch</c> stops after its first
/// batch of one (stateful_set_control.go), so no later ordinal is ever created. An API error about such a template is
/// told that way, with the Pod's field paths, on clusters before 1.34.
/// </summary>
internal static class StatefulSetPodValidation
{
    private const string Lead = "the API server stores the StatefulSet but refuses every Pod it creates, as FailedCreate events on the StatefulSet: ";

    /// <summary>
    /// The controller's FailedCreate event for the first ordinal ({0}: the StatefulSet's name, {1}: the error), whoever
    /// refuses the Pod: the Pod validation here, Pod Security admission in HN050.
    /// </summary>
    public static RuleText FailedCreateEvent { get; } = new(nameof(FailedCreateEvent), "create Pod {0}-0 in StatefulSet {0} failed error: {1}");

    /// <summary>The release whose apps validation checks a StatefulSet's pod spec itself.</summary>
    public static KubeVersion ValidatedSince { get; } = new(1, 34);

    /// <summary>
    /// The message of an API error about a StatefulSet's pod spec as a cluster before 1.34 reports it, or null when the
    /// finding is not such an error (another kind, another release, or not a field error of the pod spec).
    /// </summary>
    public static string? Deferred(RuleDescriptor rule, KubeObject subject, string message, KubeVersion version)
    {
        if (rule.Section != RuleSection.ApiServerRejects || rule.DefaultSeverity != Severity.Error || version >= ValidatedSince
            || subject is not Workload { Kind: "StatefulSet" } set || !IsPodSpecError(message, set.Spec.Path))
        {
            return null;
        }

        var podError = "spec" + message[set.Spec.Path.Length..];
        return Lead + FailedCreate(set, [podError]);
    }

    /// <summary>The Pod-path error a deferred message carries, or null when <paramref name="diagnostic"/> is no deferred one.</summary>
    public static string? PodError(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var invalid = diagnostic.Message.IndexOf(" is invalid: ", StringComparison.Ordinal);
        return diagnostic.Message.StartsWith(Lead, StringComparison.Ordinal) && invalid > 0 ? diagnostic.Message[(invalid + " is invalid: ".Length)..] : null;
    }

    /// <summary>
    /// The event's text for the first ordinal: <c>create Pod db-0 in StatefulSet db failed error: Pod "db-0" is invalid: …</c>,
    /// several errors as <c>[a, b]</c> (apimachinery errors.NewInvalid over an aggregate).
    /// </summary>
    public static string FailedCreate(Workload set, IReadOnlyList<string> podErrors)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(podErrors);
        var pod = set.Name + "-0";
        var errors = podErrors.Count == 1 ? podErrors[0] : $"[{string.Join(", ", podErrors)}]";
        return FailedCreateEvent.With(set.Name, $"Pod \"{pod}\" is invalid: {errors}");
    }

    /// <summary>Whether the message is a field error (<c>path: Type…</c>) on a field of the pod spec.</summary>
    private static bool IsPodSpecError(string message, string specPath)
    {
        if (!message.StartsWith(specPath + ".", StringComparison.Ordinal))
        {
            return false;
        }

        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && Enum.GetValues<FieldErrorType>().Any(t => message.AsSpan(colon + 2).StartsWith(FieldError.TypeName(t), StringComparison.Ordinal));
    }
}
