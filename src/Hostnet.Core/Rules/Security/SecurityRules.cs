using Hostnet.Core.Analysis;

namespace Hostnet.Core.Rules.Security;

/// <summary>RULES.md section E: security and policy.</summary>
internal static class SecurityRules
{
    public static IReadOnlyList<IRule> All { get; } =
    [
        new PodSecurityViolation(),
        new HostNetworkPrivileges(),
    ];
}
