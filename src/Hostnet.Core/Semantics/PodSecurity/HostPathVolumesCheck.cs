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
        // Most pods have none: no list for them.
        if (!pod.Spec.Volumes.Any(v => v.Has("hostPath")))
        {
            return null;
        }

        var bad = pod.Spec.Volumes.Where(v => v.Has("hostPath")).ToList();
        return new FailedCheck(
            "hostPath volumes",
            $"{Pluralize("volume", "volumes", bad.Count)} {JoinQuote(bad.Select(v => v.Name))}",
            bad[0].Path + ".hostPath");
    }
}
