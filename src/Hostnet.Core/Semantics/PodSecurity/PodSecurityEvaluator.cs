namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// Evaluates a pod spec against a level and version. Mirrors pod-security-admission policy/registry.go
/// (checkRegistry.EvaluatePod and populate, Kubernetes 1.23–1.37): <c>privileged</c> checks nothing; baseline runs
/// the baseline checks; restricted runs the baseline checks no active restricted check overrides, then the
/// restricted checks; each group in check-ID order. <c>latest</c> resolves to the cluster's own version, so a check
/// newer than the cluster does not run (the check inventory: docs/upstream.md).
/// </summary>
internal static class PodSecurityEvaluator
{
    private static readonly IPodSecurityCheck[] Checks =
        [.. new IPodSecurityCheck[]
            {
                new AppArmorProfileCheck(),
                new CapabilitiesBaselineCheck(),
                new HostNamespacesCheck(),
                new HostPathVolumesCheck(),
                new HostPortsCheck(),
                new HostProbesAndHostLifecycleCheck(),
                new PrivilegedCheck(),
                new ProcMountCheck(),
                new SeLinuxOptionsCheck(),
                new SeccompProfileBaselineCheck(),
                new SysctlsCheck(),
                new WindowsHostProcessCheck(),
                new AllowPrivilegeEscalationCheck(),
                new CapabilitiesRestrictedCheck(),
                new ProcMountRestrictedCheck(),
                new RestrictedVolumesCheck(),
                new RunAsNonRootCheck(),
                new RunAsUserCheck(),
                new SeccompProfileRestrictedCheck(),
            }
            .OrderBy(c => c.Level)
            .ThenBy(c => c.Id, StringComparer.Ordinal)];

    /// <summary>The IDs of the checks a level and version run on a cluster, in the order they run.</summary>
    public static IReadOnlyList<string> CheckIds(LevelVersion policy, Model.KubeVersion cluster) =>
        [.. Active(policy, policy.Version.ResolvedFor(cluster)).Select(c => c.Id)];

    public static PodSecurityResult Evaluate(LevelVersion policy, EvaluatedPodSpec pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var version = policy.Version.ResolvedFor(pod.Version);
        var violations = new List<FailedCheck>();
        foreach (var check in Active(policy, version))
        {
            if (check.Exemption?.Exempts(pod, version) != true && check.Check(pod, version) is { } violation)
            {
                violations.Add(violation);
            }
        }

        return new PodSecurityResult(violations);
    }

    private static IEnumerable<IPodSecurityCheck> Active(LevelVersion policy, PodSecurityVersion version)
    {
        if (policy.Level == PodSecurityLevel.Privileged)
        {
            return [];
        }

        var active = Checks.Where(c => c.Level <= policy.Level && version.Includes(c.MinimumVersion)).ToList();
        var overridden = active.Where(c => c.Level == PodSecurityLevel.Restricted).SelectMany(c => c.Overrides).ToHashSet(StringComparer.Ordinal);
        return active.Where(c => !overridden.Contains(c.Id));
    }
}
