namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// Restricted <c>procMount_restricted</c> (1.35): the procMount check without the user-namespace relaxation, in
/// place of the baseline one. Mirrors policy/check_procMount_restricted.go (PR #132157).
/// </summary>
internal sealed class ProcMountRestrictedCheck : IPodSecurityCheck
{
    public string Id => "procMount_restricted";

    public PodSecurityLevel Level => PodSecurityLevel.Restricted;

    public PodSecurityVersion MinimumVersion => PodSecurityVersion.V1(35);

    public bool ReadsHostPorts => false;

    public IReadOnlyList<string> Overrides => [ProcMountCheck.CheckId];

    public FailedCheck? Check(EvaluatedPodSpec pod, PodSecurityVersion version) => ProcMountCheck.Unmasked(pod);
}
