using System.Text;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Validation;

namespace Hostnet.Core.Semantics.Dns;

/// <summary>
/// The limits the kubelet applies last to a pod's DNS configuration, with the Warning events it records
/// (pkg/kubelet/network/dns/dns.go, formDNSNameserversFitsLimits and formDNSSearchFitsLimits). The numbers are the
/// API's (<see cref="DnsConfigValidation"/>): 3 nameservers; 32 search paths and 2048 characters since
/// ExpandedDNSConfig, 6 and 256 before.
/// </summary>
internal static class DnsLimits
{
    public const string DnsConfigFormingReason = "DNSConfigForming";

    /// <summary>The first three nameservers, and the event when more were given.</summary>
    public static (IReadOnlyList<string> Nameservers, KubeletEvent? Event) FitNameservers(IReadOnlyList<string> nameservers)
    {
        ArgumentNullException.ThrowIfNull(nameservers);
        if (nameservers.Count <= DnsConfigValidation.MaxNameservers)
        {
            return (nameservers, null);
        }

        var kept = nameservers.Take(DnsConfigValidation.MaxNameservers).ToArray();
        return (kept, PodEvent($"Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: {string.Join(' ', kept)}"));
    }

    /// <summary>
    /// The search list cut to the limits, in upstream's order: keep the first paths up to the count limit, drop every
    /// path longer than 253 characters (glibc aborts on them), then drop paths from the end until the line fits.
    /// </summary>
    public static (IReadOnlyList<string> Searches, KubeletEvent? Event) FitSearches(IReadOnlyList<string> searches, KubeVersion version)
    {
        ArgumentNullException.ThrowIfNull(searches);
        var exceeded = false;
        var kept = searches.ToList();
        var maxPaths = DnsConfigValidation.MaxSearchPaths(version);
        if (kept.Count > maxPaths)
        {
            kept.RemoveRange(maxPaths, kept.Count - maxPaths);
            exceeded = true;
        }

        exceeded |= kept.RemoveAll(s => Length(s) > DnsNames.SubdomainMaxLength) > 0;

        var maxChars = DnsConfigValidation.MaxSearchListChars(version);
        var lineLength = Length(string.Join(' ', kept));
        if (lineLength > maxChars)
        {
            // Each dropped path takes its separating space with it, as upstream counts.
            var cut = 0;
            var cutLength = 0;
            for (var i = kept.Count - 1; i >= 0; i--)
            {
                cutLength += Length(kept[i]) + 1;
                cut++;
                if (lineLength - cutLength <= maxChars)
                {
                    break;
                }
            }

            kept.RemoveRange(kept.Count - cut, cut);
            exceeded = true;
        }

        return exceeded
            ? (kept, PodEvent($"Search Line limits were exceeded, some search paths have been omitted, the applied search line is: {string.Join(' ', kept)}"))
            : (kept, null);
    }

    private static int Length(string text) => Encoding.UTF8.GetByteCount(text);

    private static KubeletEvent PodEvent(string message) => new("Pod", DnsConfigFormingReason, message);
}
