using static Hostnet.Core.Semantics.PodSecurity.PodSecurityText;

namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// Restricted <c>runAsUser</c> (1.23; from 1.35 skipped for <c>hostUsers: false</c>): nothing sets
/// <c>runAsUser: 0</c>. Mirrors policy/check_runAsUser.go.
/// </summary>
internal sealed class RunAsUserCheck : IPodSecurityCheck
{
    public string Id => "runAsUser";

    public PodSecurityLevel Level => PodSecurityLevel.Restricted;

    public PodSecurityVersion MinimumVersion => PodSecurityVersion.V1(23);

    public bool ReadsHostPorts => false;

    public PodSecurityExemption? Exemption => PodSecurityExemption.UserNamespacePod;

    public FailedCheck? Check(EvaluatedPodSpec pod, PodSecurityVersion version)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var podRoot = pod.Spec.SecurityContext.RunAsUser == 0;
        var bad = Failing(pod, s => s.RunAsUser == 0);
        return Setters(podRoot, Names(bad)) is { } setters
            ? new FailedCheck("runAsUser=0", $"{setters} must not set runAsUser=0", podRoot ? Field(pod.Spec, "runAsUser") : Field(bad[0], "runAsUser"))
            : null;
    }
}
