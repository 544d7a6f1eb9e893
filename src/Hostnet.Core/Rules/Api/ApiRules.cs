using Hostnet.Core.Analysis;

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
        new ImmutablePodNetwork(),
        new HostNetworkFieldRejected(),
        new PortDefinitionWarning(),
    ];
}
