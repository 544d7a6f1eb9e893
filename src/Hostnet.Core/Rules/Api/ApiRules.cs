using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;

namespace Hostnet.Core.Rules.Api;

/// <summary>RULES.md section A: what the API server would reject.</summary>
internal static class ApiRules
{
    public static IReadOnlyList<IRule> All { get; } =
    [
        new InvalidDnsPolicy(),
        new MisplacedField(),
        new HostPortMismatch(),
        new DuplicateHostPort(),
        new InvalidPort(),
        new HostNetworkSysctl(),
        new InvalidDnsConfig(),
        new HostNetworkUserNamespace(),
    ];

    /// <summary>Rules of this section that need a cluster snapshot, listed in the catalogue only.</summary>
    public static IReadOnlyList<RuleDescriptor> NeedsCluster { get; } =
    [
        new("HN009", "immutable-pod-network", "A bare Pod that exists changes hostNetwork or its ports", Severity.Error, "A. The API server would reject it"),
    ];
}
