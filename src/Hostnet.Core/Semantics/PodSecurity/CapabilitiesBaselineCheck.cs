using static Hostnet.Core.Semantics.PodSecurity.PodSecurityText;

namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// Baseline <c>capabilities_baseline</c> (1.0): <c>capabilities.add</c> only from the runtime's default set, compared
/// exactly as written. Mirrors policy/check_capabilities_baseline.go (capabilities_allowed_1_0).
/// </summary>
internal sealed class CapabilitiesBaselineCheck : IPodSecurityCheck
{
    public const string CheckId = "capabilities_baseline";

    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    };

    public string Id => CheckId;

    public PodSecurityLevel Level => PodSecurityLevel.Baseline;

    public PodSecurityVersion MinimumVersion => PodSecurityVersion.V1(0);

    public bool ReadsHostPorts => false;

    public FailedCheck? Check(EvaluatedPodSpec pod, PodSecurityVersion version)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var bad = Failing(pod, s => s.CapabilitiesAdd.Any(c => !Allowed.Contains(c)));
        if (bad.Count == 0)
        {
            return null;
        }

        var capabilities = SortedSet(bad.SelectMany(c => c.SecurityContext.CapabilitiesAdd).Where(c => !Allowed.Contains(c)));
        return new FailedCheck(
            "non-default capabilities",
            $"{Containers(Names(bad))} must not include {JoinQuote(capabilities)} in securityContext.capabilities.add",
            Field(bad[0], "capabilities.add"));
    }
}
