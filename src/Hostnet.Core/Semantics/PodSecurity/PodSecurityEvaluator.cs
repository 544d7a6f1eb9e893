using System.Collections.Concurrent;

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

    /// <summary>Every check, in the order they run.</summary>
    internal static IReadOnlyList<IPodSecurityCheck> All => Checks;

    /// <summary>
    /// The checks each level runs at each resolved version, worked out once per (level, minor) rather than per pod:
    /// the selection depends on nothing else, and rules evaluate every workload several times.
    /// </summary>
    private static readonly ConcurrentDictionary<(PodSecurityLevel Level, int Minor), int[]> ActiveChecks = new();

    /// <summary>The IDs of the checks a level and version run on a cluster, in the order they run.</summary>
    public static IReadOnlyList<string> CheckIds(LevelVersion policy, Model.KubeVersion cluster) =>
        [.. Active(policy.Level, policy.Version.ResolvedFor(cluster)).Select(i => Checks[i].Id)];

    public static PodSecurityResult Evaluate(LevelVersion policy, EvaluatedPodSpec pod) => Evaluate(policy, pod, shared: null);

    /// <param name="policy">The level and version.</param>
    /// <param name="pod">The pod as admission sees it.</param>
    /// <param name="shared">Check results of the same spec to reuse and add to; null to run every check.</param>
    internal static PodSecurityResult Evaluate(LevelVersion policy, EvaluatedPodSpec pod, PodSecurityEvaluations? shared)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var version = policy.Version.ResolvedFor(pod.Version);
        List<FailedCheck>? violations = null;
        foreach (var index in Active(policy.Level, version))
        {
            if ((shared is null ? Run(Checks[index], pod, version) : shared.Check(index, pod, version)) is { } violation)
            {
                (violations ??= []).Add(violation);
            }
        }

        return violations is null ? PodSecurityResult.Passed : new PodSecurityResult(violations);
    }

    /// <summary>One check on the pod at a resolved version: null when it passes or the pod is exempt from it.</summary>
    internal static FailedCheck? Run(IPodSecurityCheck check, EvaluatedPodSpec pod, PodSecurityVersion version) =>
        check.Exemption?.Exempts(pod, version) == true ? null : check.Check(pod, version);

    /// <summary>The places in <see cref="All"/> of the checks a level runs at a version, in the order they run.</summary>
    /// <param name="level">The level.</param>
    /// <param name="version">A resolved version (never <c>latest</c>).</param>
    private static int[] Active(PodSecurityLevel level, PodSecurityVersion version) =>
        level == PodSecurityLevel.Privileged ? [] : ActiveChecks.GetOrAdd((level, version.Minor), key => Select(key.Level, PodSecurityVersion.V1(key.Minor)));

    private static int[] Select(PodSecurityLevel level, PodSecurityVersion version)
    {
        var active = Enumerable.Range(0, Checks.Length).Where(i => Checks[i].Level <= level && version.Includes(Checks[i].MinimumVersion)).ToList();
        var overridden = active.Where(i => Checks[i].Level == PodSecurityLevel.Restricted).SelectMany(i => Checks[i].Overrides).ToHashSet(StringComparer.Ordinal);
        return [.. active.Where(i => !overridden.Contains(Checks[i].Id))];
    }
}
