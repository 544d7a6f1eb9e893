using System.Text;
using Hostnet.Core.Semantics.Validation;

namespace Hostnet.Core.Semantics.Dns;

/// <summary>
/// The check the kubelet makes of its own resolv.conf when it starts, recorded as a Warning event on the Node
/// (pkg/kubelet/network/dns/dns.go, CheckLimitsForResolvConf). Three of the search limits are kept for the cluster
/// paths when the kubelet has a cluster domain.
/// </summary>
internal static class ResolvConfLimits
{
    public const string Reason = "CheckLimitsForResolvConf";

    /// <summary>The first limit the node's file breaks, or null.</summary>
    public static KubeletEvent? Check(KubeletDnsSettings kubelet)
    {
        ArgumentNullException.ThrowIfNull(kubelet);
        if (kubelet.ResolverConfig.Length == 0)
        {
            return null;
        }

        if (kubelet.Host.Error is { } error)
        {
            return NodeEvent(error);
        }

        var searches = kubelet.Host.Config.Searches;
        var path = kubelet.ResolverConfig;
        var domainCountLimit = DnsConfigValidation.MaxSearchPaths(kubelet.Version) - (kubelet.ClusterDomain.Length > 0 ? 3 : 0);
        if (searches.Count > domainCountLimit)
        {
            return NodeEvent($"Resolv.conf file '{path}' contains search line consisting of more than {domainCountLimit} domains!");
        }

        if (searches.Any(s => Encoding.UTF8.GetByteCount(s) > DnsNames.SubdomainMaxLength))
        {
            return NodeEvent($"Resolv.conf file {FieldError.GoQuote(path)} contains a search path which length is more than allowed {DnsNames.SubdomainMaxLength} chars!");
        }

        var maxChars = DnsConfigValidation.MaxSearchListChars(kubelet.Version);
        return Encoding.UTF8.GetByteCount(string.Join(' ', searches)) > maxChars
            ? NodeEvent($"Resolv.conf file '{path}' contains search line which length is more than allowed {maxChars} chars!")
            : null;
    }

    private static KubeletEvent NodeEvent(string message) => new("Node", Reason, message);
}
