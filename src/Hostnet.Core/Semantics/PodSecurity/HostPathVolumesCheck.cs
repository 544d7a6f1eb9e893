using static Hostnet.Core.Semantics.PodSecurity.PodSecurityText;

namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>Baseline <c>hostPathVolumes</c> (1.0): no <c>hostPath</c> volumes. Mirrors policy/check_hostPathVolumes.go.</summary>
internal sealed class HostPathVolumesCheck : IPodSecurityCheck
{
    public const string CheckId = "hostPathVolumes";

    public string Id => CheckId;

    public PodSecurityLevel Level => PodSecurityLevel.Baseline;

    public PodSecurityVersion MinimumVersion => PodSecurityVersion.V1(0);

    public bool ReadsHostPorts => false;

    public FailedCheck? Check(EvaluatedPodSpec pod, PodSecurityVersion version)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var bad = pod.Spec.Volumes.Where(v => v.Has("hostPath")).ToList();
        return bad.Count == 0
            ? null
            : new FailedCheck(
                "hostPath volumes",
                $"{Pluralize("volume", "volumes", bad.Count)} {JoinQuote(bad.Select(v => v.Name))}",
                bad[0].Path + ".hostPath");
    }
}
