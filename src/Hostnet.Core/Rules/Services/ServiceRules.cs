using Hostnet.Core.Analysis;

namespace Hostnet.Core.Rules.Services;

/// <summary>RULES.md section D: Services and network policy.</summary>
internal static class ServiceRules
{
    public static IReadOnlyList<IRule> All { get; } =
    [
        new ServiceSelectsNothing(),
        new ServicePortUndeclared(),
        new ServiceColocatedHostNetwork(),
        new ExternalTrafficPolicyCluster(),
        new NetworkPolicySelectsHostNetwork(),
    ];
}
