using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Dns;

/// <summary>
/// The DNS configuration the kubelet gives a pod, and so the resolv.conf the container runtime writes for it.
/// Mirrors pkg/kubelet/network/dns/dns.go (GetPodDNS, getPodDNSType, generateSearchesForDNSClusterFirst,
/// appendDNSConfig, mergeDNSOptions, formDNSConfigFitsLimits); SEMANTICS.md §5.
/// </summary>
internal static class PodDns
{
    public const string MissingClusterDnsReason = "MissingClusterDNS";

    /// <summary>The node event; the pod gets the same text after <c>pod: "&lt;name&gt;_&lt;namespace&gt;(&lt;uid&gt;)". </c>.</summary>
    public const string MissingClusterDnsMessage =
        "kubelet does not have ClusterDNS IP configured and cannot create Pod using \"ClusterFirst\" policy. Falling back to \"Default\" policy.";

    /// <summary>The options every cluster-resolver pod starts from (defaultDNSOptions).</summary>
    public static IReadOnlyList<string> DefaultOptions { get; } = ["ndots:5"];

    public static PodDnsResult Generate(PodDnsRequest pod, KubeletDnsSettings kubelet)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(kubelet);

        // An invalid policy never gets here through the API; the kubelet would treat it as ClusterFirst.
        var policy = DnsPolicy.Effective(pod.DnsPolicy);
        var type = DnsPolicy.Supported.Contains(policy) ? DnsPolicy.TypeFor(policy, pod.HostNetwork) : DnsType.Cluster;
        if (kubelet.ResolverConfig.Length > 0 && kubelet.Host.Error is { } error)
        {
            // getHostDNSConfig fails before the policy is looked at: no pod on the node gets a sandbox.
            return new PodDnsResult(type, policy, null, [], error);
        }

        var host = kubelet.ResolverConfig.Length > 0 ? kubelet.Host.Config : ResolvConf.Empty;
        var events = new List<KubeletEvent>();
        ResolvConf config;
        string applied;
        if (type == DnsType.None)
        {
            (config, applied) = (ResolvConf.Empty, DnsPolicy.None);
        }
        else if (type == DnsType.Cluster && kubelet.ClusterDns.Count > 0)
        {
            // The cluster DNS server is the only nameserver: it forwards what it cannot answer itself.
            config = new ResolvConf(kubelet.ClusterDns, ClusterFirstSearches(host.Searches, pod.Namespace, kubelet.ClusterDomain), DefaultOptions);
            applied = policy;
        }
        else
        {
            if (type == DnsType.Cluster)
            {
                events.Add(new KubeletEvent("Node", MissingClusterDnsReason, MissingClusterDnsMessage));
            }

            // Without a resolv.conf the kubelet points the pod at the node's own resolver (IPv4 nodes assumed).
            config = kubelet.ResolverConfig.Length > 0 ? host : new ResolvConf(["127.0.0.1"], ["."], []);
            applied = DnsPolicy.Default;
        }

        if (pod.DnsConfig is { } extra)
        {
            config = new ResolvConf(
                Distinct(config.Nameservers.Concat(extra.Nameservers)),
                Distinct(config.Searches.Concat(extra.Searches)),
                MergeOptions(config.Options, extra.Options));
        }

        var (nameservers, nameserverEvent) = DnsLimits.FitNameservers(config.Nameservers);
        var (searches, searchEvent) = DnsLimits.FitSearches(config.Searches, kubelet.Version);
        events.AddRange(new[] { nameserverEvent, searchEvent }.OfType<KubeletEvent>());
        return new PodDnsResult(type, applied, new ResolvConf(nameservers, searches, config.Options), events, null);
    }

    /// <summary>
    /// <c>&lt;namespace&gt;.svc.&lt;domain&gt; svc.&lt;domain&gt; &lt;domain&gt;</c> then the node's searches, duplicates
    /// dropped (generateSearchesForDNSClusterFirst); just the node's searches without a cluster domain.
    /// </summary>
    public static IReadOnlyList<string> ClusterFirstSearches(IReadOnlyList<string> hostSearches, string @namespace, string clusterDomain)
    {
        ArgumentNullException.ThrowIfNull(hostSearches);
        if (clusterDomain.Length == 0)
        {
            return hostSearches;
        }

        return Distinct(new[] { $"{@namespace}.svc.{clusterDomain}", $"svc.{clusterDomain}", clusterDomain }.Concat(hostSearches));
    }

    /// <summary>
    /// The options merged by name, dnsConfig's value winning (mergeDNSOptions). Upstream rebuilds the list from a Go
    /// map, so its order varies from run to run; hostnet keeps first-seen order.
    /// </summary>
    public static IReadOnlyList<string> MergeOptions(IReadOnlyList<string> existing, IReadOnlyList<DnsOption> extra)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(extra);
        var merged = new List<KeyValuePair<string, string>>();
        void Set(string name, string value)
        {
            var index = merged.FindIndex(p => p.Key == name);
            if (index >= 0)
            {
                merged[index] = new(name, value);
            }
            else
            {
                merged.Add(new(name, value));
            }
        }

        foreach (var option in existing)
        {
            var colon = option.IndexOf(':', StringComparison.Ordinal);
            Set(colon >= 0 ? option[..colon] : option, colon >= 0 ? option[(colon + 1)..] : string.Empty);
        }

        foreach (var option in extra)
        {
            Set(option.Name, option.Value ?? string.Empty);
        }

        return [.. merged.Select(p => p.Value.Length == 0 ? p.Key : $"{p.Key}:{p.Value}")];
    }

    private static string[] Distinct(IEnumerable<string> values) => [.. values.Distinct(StringComparer.Ordinal)];
}
