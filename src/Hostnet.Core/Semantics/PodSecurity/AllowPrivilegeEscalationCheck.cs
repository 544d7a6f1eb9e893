using static Hostnet.Core.Semantics.PodSecurity.PodSecurityText;

namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// Restricted <c>allowPrivilegeEscalation</c> (1.8; from 1.25 Windows pods are exempt): every container must set
/// <c>securityContext.allowPrivilegeEscalation: false</c>. Mirrors policy/check_allowPrivilegeEscalation.go.
/// </summary>
internal sealed class AllowPrivilegeEscalationCheck : IPodSecurityCheck
{
    public string Id => "allowPrivilegeEscalation";

    public PodSecurityLevel Level => PodSecurityLevel.Restricted;

    public PodSecurityVersion MinimumVersion => PodSecurityVersion.V1(8);

    public bool ReadsHostPorts => false;

    public PodSecurityExemption? Exemption => PodSecurityExemption.WindowsPod;

    public FailedCheck? Check(EvaluatedPodSpec pod, PodSecurityVersion version)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var bad = Failing(pod, s => s.AllowPrivilegeEscalation != false);
        return bad.Count == 0
            ? null
            : new FailedCheck(
                "allowPrivilegeEscalation != false",
                $"{Containers(Names(bad))} must set securityContext.allowPrivilegeEscalation=false",
                Field(bad[0], "allowPrivilegeEscalation"));
    }
}
