namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// Baseline <c>sysctls</c> (1.0, 1.27, 1.29, 1.32, 1.37): only the safe sysctls of the version, listed in the order
/// written. Mirrors policy/check_sysctls.go (sysctlsAllowedV1Dot0 … V1Dot37; 1.37 is PR #138389).
/// </summary>
internal sealed class SysctlsCheck : IPodSecurityCheck
{
    private static readonly (int Since, string Name)[] Safe =
    [
        (0, "kernel.shm_rmid_forced"),
        (0, "net.ipv4.ip_local_port_range"),
        (0, "net.ipv4.tcp_syncookies"),
        (0, "net.ipv4.ping_group_range"),
        (0, "net.ipv4.ip_unprivileged_port_start"),
        (27, "net.ipv4.ip_local_reserved_ports"),
        (29, "net.ipv4.tcp_keepalive_time"),
        (29, "net.ipv4.tcp_fin_timeout"),
        (29, "net.ipv4.tcp_keepalive_intvl"),
        (29, "net.ipv4.tcp_keepalive_probes"),
        (32, "net.ipv4.tcp_rmem"),
        (32, "net.ipv4.tcp_wmem"),
        (37, "net.ipv4.tcp_slow_start_after_idle"),
        (37, "net.ipv4.tcp_notsent_lowat"),
    ];

    public string Id => "sysctls";

    public PodSecurityLevel Level => PodSecurityLevel.Baseline;

    public PodSecurityVersion MinimumVersion => PodSecurityVersion.V1(0);

    public bool ReadsHostPorts => false;

    public FailedCheck? Check(EvaluatedPodSpec pod, PodSecurityVersion version)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (pod.Spec.Sysctls.Count == 0)
        {
            return null;
        }

        var forbidden = pod.Spec.Sysctls.Where(s => !Safe.Any(safe => safe.Name == s.Name && version.IsAtLeast(safe.Since))).ToList();
        return forbidden.Count == 0
            ? null
            : new FailedCheck("forbidden sysctls", string.Join(", ", forbidden.Select(s => s.Name)), forbidden[0].Path + ".name");
    }
}
