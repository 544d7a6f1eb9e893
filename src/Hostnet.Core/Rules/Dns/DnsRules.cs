using Hostnet.Core.Analysis;

namespace Hostnet.Core.Rules.Dns;

/// <summary>RULES.md section C: DNS.</summary>
internal static class DnsRules
{
    public static IReadOnlyList<IRule> All { get; } =
    [
        new HostNetworkClusterDns(),
        new HostNetworkHostnameIgnored(),
    ];
}
