using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// Pod Security admission of a create request. Mirrors pod-security-admission admission/admission.go
/// (ValidatePod, ValidatePodController, EvaluatePod) and admission/response.go (forbiddenResponse →
/// apierrors.NewForbidden): Pods are enforced, audited and warned about; pod controllers (Deployment, DaemonSet, …)
/// are only audited and warned about, on their template.
/// </summary>
internal static class PodSecurityAdmission
{
    /// <summary>The audit annotation key of a violation (api.AuditViolationsAnnotationKey).</summary>
    public const string AuditViolationsAnnotation = PodSecurityPolicy.LabelPrefix + "audit-violations";

    /// <summary>Admission of a Pod named <paramref name="name"/> (after defaulting) by the cluster of <see cref="EvaluatedPodSpec.Version"/>.</summary>
    /// <param name="policy">The namespace's policy.</param>
    /// <param name="name">The Pod's name, for the error.</param>
    /// <param name="pod">The Pod as admitted.</param>
    /// <param name="evaluations">Evaluations to share with other admissions of the same spec; null for none.</param>
    public static PodSecurityResponse ValidatePod(PodSecurityPolicy policy, string? name, EvaluatedPodSpec pod, PodSecurityEvaluations? evaluations = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Evaluate(policy, pod, name, enforce: true, evaluations ?? new PodSecurityEvaluations());
    }

    /// <summary>Admission of a Pod spec (no annotations) by the newest release.</summary>
    public static PodSecurityResponse ValidatePod(PodSecurityPolicy policy, string? name, PodSpec spec) =>
        ValidatePod(policy, name, EvaluatedPodSpec.Pod(spec));

    /// <summary>Admission of a pod controller: its template as stored by <paramref name="version"/>, never enforced.</summary>
    /// <param name="policy">The namespace's policy.</param>
    /// <param name="template">The controller's pod template.</param>
    /// <param name="version">The cluster version that stores the template.</param>
    /// <param name="evaluations">Evaluations to share with other admissions of the same spec; null for none.</param>
    public static PodSecurityResponse ValidatePodController(PodSecurityPolicy policy, PodTemplate template, KubeVersion version, PodSecurityEvaluations? evaluations = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(template);
        var pod = EvaluatedPodSpec.Template(template.Spec, version) with { Annotations = template.Metadata.Annotations };
        return Evaluate(policy, pod, name: null, enforce: false, evaluations ?? new PodSecurityEvaluations());
    }

    /// <summary>Admission of a template spec (no annotations).</summary>
    public static PodSecurityResponse ValidatePodController(PodSecurityPolicy policy, PodSpec template, KubeVersion version) =>
        ValidatePodController(policy, new PodTemplate("spec.template.metadata", ObjectMeta.Empty, template), version);

    /// <summary><c>pods "name" is forbidden: violates PodSecurity "level:version": …</c> (<c>pods is forbidden</c> without a name).</summary>
    public static string Forbidden(string? name, LevelVersion policy, PodSecurityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Forbidden(name, policy, result.ForbiddenDetail());
    }

    private static string Forbidden(string? name, LevelVersion policy, string detail)
    {
        var subject = string.IsNullOrEmpty(name) ? "pods" : $"pods \"{name}\"";
        return $"{subject} is forbidden: violates PodSecurity \"{policy}\": {detail}";
    }

    /// <summary><c>would violate PodSecurity "level:version": …</c>, the text of warnings and audit annotations.</summary>
    public static string WouldViolate(LevelVersion policy, PodSecurityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return WouldViolate(policy, result.ForbiddenDetail());
    }

    private static string WouldViolate(LevelVersion policy, string detail) => $"would violate PodSecurity \"{policy}\": {detail}";

    private static PodSecurityResponse Evaluate(PodSecurityPolicy policy, EvaluatedPodSpec pod, string? name, bool enforce, PodSecurityEvaluations evaluations)
    {
        if (policy.FullyPrivileged || (!enforce && policy.Warn.Level == PodSecurityLevel.Privileged && policy.Audit.Level == PodSecurityLevel.Privileged))
        {
            return PodSecurityResponse.Allowed;
        }

        // Modes that name the same level and version evaluate the same pod alike: one result and one wording for them.
        AdmissionMessage? denial = null;
        PodSecurityResult? enforced = null;
        string? enforcedDetail = null;
        if (enforce && (enforced = evaluations.Of(policy.Enforce, pod)) is { Allowed: false })
        {
            enforcedDetail = enforced.ForbiddenDetail();
            denial = new AdmissionMessage(policy.Enforce, Forbidden(name, policy.Enforce, enforcedDetail), enforced);
        }

        var audited = enforced is not null && policy.Audit == policy.Enforce ? enforced : evaluations.Of(policy.Audit, pod);
        var audit = audited.Allowed
            ? null
            : new AdmissionMessage(policy.Audit, WouldViolate(policy.Audit, ReferenceEquals(audited, enforced) ? enforcedDetail! : audited.ForbiddenDetail()), audited);

        // Warnings are not added to a request that is rejected anyway.
        AdmissionMessage? warning = null;
        if (denial is null && policy.Warn == policy.Audit)
        {
            warning = audit;
        }
        else if (denial is null && evaluations.Of(policy.Warn, pod) is { Allowed: false } warned)
        {
            warning = new AdmissionMessage(policy.Warn, WouldViolate(policy.Warn, warned), warned);
        }

        return new PodSecurityResponse(denial, warning, audit);
    }
}
