namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// One Pod Security Standards check (pod-security-admission policy/checks.go, <c>Check</c> and its
/// <c>VersionedCheck</c>s): the check picks its own revision from the resolved policy version.
/// </summary>
internal interface IPodSecurityCheck
{
    /// <summary>The check ID; baseline checks run first, then restricted ones, each in ID order (policy/registry.go).</summary>
    string Id { get; }

    /// <summary>The level the check belongs to; baseline checks also run for restricted unless overridden.</summary>
    PodSecurityLevel Level { get; }

    /// <summary>The first policy version the check is part of.</summary>
    PodSecurityVersion MinimumVersion { get; }

    /// <summary>The baseline checks this restricted check replaces (<c>OverrideCheckIDs</c>).</summary>
    IReadOnlyList<string> Overrides => [];

    /// <summary>The pods the check lets through unexamined from some policy version on; null for none.</summary>
    PodSecurityExemption? Exemption => null;

    /// <summary>
    /// Whether the check reads host ports (<see cref="EvaluatedPodSpec.HostPort"/>), the one thing in which a Pod's
    /// defaulting differs from its template as stored: every other check sees a template and its pods alike, and HN050
    /// gives a template's result to its pods. No default: each check says it, so a new one cannot share by omission.
    /// </summary>
    bool ReadsHostPorts { get; }

    /// <summary>The violation, or null when the pod passes (an exempt pod is never asked).</summary>
    /// <param name="pod">The pod as admission sees it, with the cluster version that evaluates it.</param>
    /// <param name="version">The resolved policy version: never <c>latest</c>, never above the cluster's minor.</param>
    FailedCheck? Check(EvaluatedPodSpec pod, PodSecurityVersion version);
}
