using Hostnet.Core.Semantics.Validation;
using static Hostnet.Core.Semantics.PodSecurity.PodSecurityText;

namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// Baseline <c>seccompProfile_baseline</c>: before policy 1.19 the seccomp annotations must name
/// <c>runtime/default</c>, <c>docker/default</c> or <c>localhost/…</c>; from 1.19 no <c>seccompProfile.type</c> other
/// than <c>RuntimeDefault</c> or <c>Localhost</c>. Mirrors policy/check_seccompProfile_baseline.go.
/// </summary>
internal sealed class SeccompProfileBaselineCheck : IPodSecurityCheck
{
    public const string CheckId = "seccompProfile_baseline";

    private const string PodAnnotation = "seccomp.security.alpha.kubernetes.io/pod";

    private const string ContainerAnnotationPrefix = "container.seccomp.security.alpha.kubernetes.io/";

    public string Id => CheckId;

    public PodSecurityLevel Level => PodSecurityLevel.Baseline;

    public PodSecurityVersion MinimumVersion => PodSecurityVersion.V1(0);

    public bool ReadsHostPorts => false;

    /// <summary>validSeccomp: the types both levels accept.</summary>
    public static bool ValidType(string type) => type is "Localhost" or "RuntimeDefault";

    /// <summary>Pod and containers that set a type other than RuntimeDefault or Localhost, with the types; null when none.</summary>
    public static FailedCheck? ExplicitlyBad(EvaluatedPodSpec pod, out bool podValid)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var podType = pod.Spec.SecurityContext.SeccompProfileType;
        var podBad = podType is not null && !ValidType(podType);
        podValid = podType is not null && !podBad;
        var bad = Failing(pod, s => s.SeccompProfileType is { } type && !ValidType(type));
        if (Setters(podBad, Names(bad)) is not { } setters)
        {
            return null;
        }

        var values = SortedSet(bad.Select(c => c.SecurityContext.SeccompProfileType!).Concat(podBad ? [podType!] : []));
        return new FailedCheck(
            "seccompProfile",
            $"{setters} must not set securityContext.seccompProfile.type to {JoinQuote(values)}",
            podBad ? Field(pod.Spec, "seccompProfile.type") : Field(bad[0], "seccompProfile.type"));
    }

    public FailedCheck? Check(EvaluatedPodSpec pod, PodSecurityVersion version)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return version.IsAtLeast(19) ? ExplicitlyBad(pod, out _) : Annotations(pod);
    }

    private static FailedCheck? Annotations(EvaluatedPodSpec pod)
    {
        var keys = new[] { PodAnnotation }.Concat(pod.Spec.AllContainers.Select(c => ContainerAnnotationPrefix + c.Name));
        var forbidden = SortedSet(keys
            .Where(k => pod.Annotations.TryGetValue(k, out var value) && !ValidAnnotation(value))
            .Select(k => k + "=" + FieldError.GoQuote(pod.Annotations[k])));
        return forbidden.Count == 0
            ? null
            : new FailedCheck(
                "seccompProfile",
                $"forbidden {Pluralize("annotation", "annotations", forbidden.Count)} {string.Join(", ", forbidden)}",
                AnnotationsPath(pod.Spec));
    }

    private static bool ValidAnnotation(string value) =>
        value is "runtime/default" or "docker/default" || value.StartsWith("localhost/", StringComparison.Ordinal);
}
