using static Hostnet.Core.Semantics.PodSecurity.PodSecurityText;

namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// Restricted <c>runAsNonRoot</c> (1.0; from 1.35 skipped for <c>hostUsers: false</c>): the pod, or every container,
/// sets <c>runAsNonRoot: true</c>, and nothing sets it false. Mirrors policy/check_runAsNonRoot.go.
/// </summary>
internal sealed class RunAsNonRootCheck : IPodSecurityCheck
{
    public string Id => "runAsNonRoot";

    public PodSecurityLevel Level => PodSecurityLevel.Restricted;

    public PodSecurityVersion MinimumVersion => PodSecurityVersion.V1(0);

    public bool ReadsHostPorts => false;

    public PodSecurityExemption? Exemption => PodSecurityExemption.UserNamespacePod;

    public FailedCheck? Check(EvaluatedPodSpec pod, PodSecurityVersion version)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var podValue = pod.Spec.SecurityContext.RunAsNonRoot;
        var explicitlyBad = Failing(pod, s => s.RunAsNonRoot == false);
        if (Setters(podValue == false, Names(explicitlyBad)) is { } setters)
        {
            var path = podValue == false ? Field(pod.Spec, "runAsNonRoot") : Field(explicitlyBad[0], "runAsNonRoot");
            return new FailedCheck("runAsNonRoot != true", $"{setters} must not set securityContext.runAsNonRoot=false", path);
        }

        var implicitlyBad = podValue == true ? [] : Failing(pod, s => s.RunAsNonRoot is null);
        return implicitlyBad.Count == 0
            ? null
            : new FailedCheck(
                "runAsNonRoot != true",
                $"pod or {Containers(Names(implicitlyBad))} must set securityContext.runAsNonRoot=true",
                Field(implicitlyBad[0], "runAsNonRoot"));
    }
}
