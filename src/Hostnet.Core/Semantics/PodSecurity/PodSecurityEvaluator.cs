namespace Hostnet.Core.Semantics.PodSecurity;

/// <summary>
/// Evaluates a pod spec against a level and version. Mirrors pod-security-admission policy/registry.go
/// (checkRegistry.EvaluatePod): <c>privileged</c> checks nothing; baseline checks run for baseline and restricted, in
/// check-ID order. Only the checks that concern host networking are implemented: hostNamespaces and hostPorts.
/// </summary>
public static class PodSecurityEvaluator
{
    private static readonly IPodSecurityCheck[] Checks =
        [.. new IPodSecurityCheck[] { new HostNamespacesCheck(), new HostPortsCheck() }
            .OrderBy(c => c.Level)
            .ThenBy(c => c.Id, StringComparer.Ordinal)];

    public static PodSecurityResult Evaluate(LevelVersion policy, EvaluatedPodSpec pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (policy.Level == PodSecurityLevel.Privileged)
        {
            return new PodSecurityResult([]);
        }

        var violations = new List<FailedCheck>();
        foreach (var check in Checks.Where(c => c.Level <= policy.Level && policy.Version.Includes(c.MinimumVersion)))
        {
            if (check.Check(pod) is { } violation)
            {
                violations.Add(violation);
            }
        }

        return new PodSecurityResult(violations);
    }
}
