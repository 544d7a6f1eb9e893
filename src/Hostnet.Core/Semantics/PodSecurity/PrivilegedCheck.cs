using static Hostnet.Core.Semantics.PodSecurity.PodSecurityText;

namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>Baseline <c>privileged</c> (1.0): no privileged containers. Mirrors policy/check_privileged.go.</summary>
internal sealed class PrivilegedCheck : IPodSecurityCheck
{
    public string Id => "privileged";

    public PodSecurityLevel Level => PodSecurityLevel.Baseline;

    public PodSecurityVersion MinimumVersion => PodSecurityVersion.V1(0);

    public bool ReadsHostPorts => false;

    public FailedCheck? Check(EvaluatedPodSpec pod, PodSecurityVersion version)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var bad = Failing(pod, s => s.Privileged == true);
        return bad.Count == 0
            ? null
            : new FailedCheck("privileged", $"{Containers(Names(bad))} must not set securityContext.privileged=true", Field(bad[0], "privileged"));
    }
}
