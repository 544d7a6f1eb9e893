using static Hostnet.Core.Semantics.PodSecurity.PodSecurityText;

namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// Baseline <c>procMount</c> (1.0; from 1.35 a pod with <c>hostUsers: false</c> may set any type): only the
/// <c>Default</c> /proc mount. Mirrors policy/check_procMount.go (check_procMount_baseline.go from 1.35, PR #132157).
/// </summary>
internal sealed class ProcMountCheck : IPodSecurityCheck
{
    public const string CheckId = "procMount";

    public string Id => CheckId;

    public PodSecurityLevel Level => PodSecurityLevel.Baseline;

    public PodSecurityVersion MinimumVersion => PodSecurityVersion.V1(0);

    public bool ReadsHostPorts => false;

    public PodSecurityExemption? Exemption => PodSecurityExemption.UserNamespacePod;

    public FailedCheck? Check(EvaluatedPodSpec pod, PodSecurityVersion version) => Unmasked(pod);

    /// <summary>The check without the user-namespace relaxation (procMount_1_0).</summary>
    public static FailedCheck? Unmasked(EvaluatedPodSpec pod)
    {
        var bad = Failing(pod, s => s.ProcMount is { } type && type != "Default");
        return bad.Count == 0
            ? null
            : new FailedCheck(
                "procMount",
                $"{Containers(Names(bad))} must not set securityContext.procMount to {JoinQuote(SortedSet(bad.Select(c => c.SecurityContext.ProcMount!)))}",
                Field(bad[0], "procMount"));
    }
}
