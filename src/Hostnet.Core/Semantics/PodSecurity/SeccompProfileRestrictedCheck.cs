using static Hostnet.Core.Semantics.PodSecurity.PodSecurityText;

namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// Restricted <c>seccompProfile_restricted</c> (1.19; from 1.25 Windows pods are exempt): the pod, or every
/// container, sets <c>seccompProfile.type</c> to <c>RuntimeDefault</c> or <c>Localhost</c>. Overrides
/// seccompProfile_baseline. Mirrors policy/check_seccompProfile_restricted.go.
/// </summary>
internal sealed class SeccompProfileRestrictedCheck : IPodSecurityCheck
{
    public string Id => "seccompProfile_restricted";

    public PodSecurityLevel Level => PodSecurityLevel.Restricted;

    public PodSecurityVersion MinimumVersion => PodSecurityVersion.V1(19);

    public bool ReadsHostPorts => false;

    public IReadOnlyList<string> Overrides => [SeccompProfileBaselineCheck.CheckId];

    public PodSecurityExemption? Exemption => PodSecurityExemption.WindowsPod;

    public FailedCheck? Check(EvaluatedPodSpec pod, PodSecurityVersion version)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (SeccompProfileBaselineCheck.ExplicitlyBad(pod, out var podValid) is { } explicitlyBad)
        {
            return explicitlyBad;
        }

        var implicitlyBad = podValid ? [] : Failing(pod, s => s.SeccompProfileType is null);
        return implicitlyBad.Count == 0
            ? null
            : new FailedCheck(
                "seccompProfile",
                $"pod or {Containers(Names(implicitlyBad))} must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"",
                Field(implicitlyBad[0], "seccompProfile"));
    }
}
