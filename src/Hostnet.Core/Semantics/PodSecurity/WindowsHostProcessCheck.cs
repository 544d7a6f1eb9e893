using static Hostnet.Core.Semantics.PodSecurity.PodSecurityText;

namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// Baseline <c>windowsHostProcess</c> (1.0): neither the pod nor a container sets
/// <c>securityContext.windowsOptions.hostProcess: true</c>. Mirrors policy/check_windowsHostProcess.go.
/// </summary>
internal sealed class WindowsHostProcessCheck : IPodSecurityCheck
{
    public string Id => "windowsHostProcess";

    public PodSecurityLevel Level => PodSecurityLevel.Baseline;

    public PodSecurityVersion MinimumVersion => PodSecurityVersion.V1(0);

    public bool ReadsHostPorts => false;

    public FailedCheck? Check(EvaluatedPodSpec pod, PodSecurityVersion version)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var podSets = pod.Spec.SecurityContext.WindowsHostProcess == true;
        var bad = Failing(pod, s => s.WindowsHostProcess == true);
        return Setters(podSets, Names(bad)) is { } setters
            ? new FailedCheck(
                "hostProcess",
                $"{setters} must not set securityContext.windowsOptions.hostProcess=true",
                podSets ? Field(pod.Spec, "windowsOptions.hostProcess") : Field(bad[0], "windowsOptions.hostProcess"))
            : null;
    }
}
