namespace Hostnet.Core.Semantics.Dns;

/// <summary>Why a pod gets the resolv.conf it gets, in a few sentences (SEMANTICS.md §5 and the Kubernetes DNS docs).</summary>
internal static class PodDnsExplanation
{
    public static IReadOnlyList<string> Explain(PodDnsRequest pod, KubeletDnsSettings kubelet, PodDnsResult result)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(kubelet);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Error is { } error)
        {
            return [$"The kubelet cannot parse its resolv.conf ({kubelet.ResolverConfig}: {error.TrimEnd()}), so it cannot form the DNS configuration of any pod: every pod on the node stays ContainerCreating with CreatePodSandboxError."];
        }

        var policy = DnsPolicy.Effective(pod.DnsPolicy);
        var sentences = new List<string> { PolicySentence(pod, policy, kubelet, result) };
        if (result.MissingClusterDns)
        {
            sentences.Add($"The kubelet has no clusterDNS address, so {policy} falls back to the Default policy (Warning event MissingClusterDNS on the node and the pod).");
        }

        if (result.PolicyApplied == DnsPolicy.Default && kubelet.ResolverConfig.Length == 0)
        {
            sentences.Add("The kubelet's resolvConf is set to \"\", so the node's resolver is nameserver 127.0.0.1 with search \".\".");
        }

        if (pod.DnsConfig is not null)
        {
            sentences.Add("dnsConfig appends its nameservers and search paths (duplicates dropped) and overrides options of the same name; the kubelet orders merged options at random (a Go map), hostnet keeps first-seen order.");
        }

        if (result.Events.Any(e => e.Reason == DnsLimits.DnsConfigFormingReason))
        {
            sentences.Add("The kubelet cut the configuration to its limits (at most 3 nameservers; search paths within the count and length limits) and recorded a DNSConfigForming warning.");
        }

        if (result.Config is { } config && config.Render().Length == 0)
        {
            sentences.Add("The configuration is empty, so the container runtime copies the node's /etc/resolv.conf into the pod instead.");
        }

        if (HostnameSentence(pod, kubelet) is { } hostname)
        {
            sentences.Add(hostname);
        }

        return sentences;
    }

    private static string PolicySentence(PodDnsRequest pod, string policy, KubeletDnsSettings kubelet, PodDnsResult result)
    {
        var network = pod.HostNetwork ? "on the host network" : "on the pod network";
        var cluster = $"the cluster DNS server ({string.Join(", ", kubelet.ClusterDns)}) is the only nameserver, the search list starts with the pod's namespace and the cluster domain, then the node's search paths, and the options are ndots:5 (the node's nameservers and options are dropped)";
        return (result.Type, policy) switch
        {
            (DnsType.None, _) => "dnsPolicy None: the pod gets only what its dnsConfig gives; nothing comes from the node or the cluster.",
            (DnsType.Cluster, DnsPolicy.ClusterFirstWithHostNet) when pod.HostNetwork && !result.MissingClusterDns =>
                $"dnsPolicy ClusterFirstWithHostNet gives a host-network pod the cluster's DNS, so Service names such as kubernetes.default.svc resolve: {cluster}.",
            (DnsType.Cluster, _) when !result.MissingClusterDns => $"dnsPolicy {policy} {network}: {cluster}.",
            (DnsType.Cluster, _) => $"dnsPolicy {policy} {network} asks for the cluster's DNS.",
            (DnsType.Host, DnsPolicy.ClusterFirst) =>
                "dnsPolicy ClusterFirst (the default) on the host network silently falls back to the node's resolver, as the Default policy does, without any event: the pod gets the node's resolv.conf, so Service names such as kubernetes.default.svc do not resolve. Set dnsPolicy: ClusterFirstWithHostNet to get the cluster's DNS.",
            _ => $"dnsPolicy Default {network}: the pod gets the node's resolver as the kubelet parsed it (every nameserver, the last search line, the last options line). Default is not the default policy; ClusterFirst is.",
        };
    }

    private static string? HostnameSentence(PodDnsRequest pod, KubeletDnsSettings kubelet)
    {
        if (string.IsNullOrEmpty(pod.Hostname) && string.IsNullOrEmpty(pod.Subdomain))
        {
            return null;
        }

        if (pod.HostNetwork)
        {
            return "On the host network the container's hostname is the node's: spec.hostname and spec.subdomain do not change it.";
        }

        var hostname = string.IsNullOrEmpty(pod.Hostname) ? "the pod's name" : pod.Hostname;
        if (string.IsNullOrEmpty(pod.Subdomain) || kubelet.ClusterDomain.Length == 0)
        {
            return $"The container's hostname is {hostname}.";
        }

        var name = string.IsNullOrEmpty(pod.Hostname) ? "<pod-name>" : pod.Hostname;
        return $"The container's hostname is {hostname}, and its fully qualified name {name}.{pod.Subdomain}.{pod.Namespace}.svc.{kubelet.ClusterDomain} resolves only when a headless Service named {pod.Subdomain} in {pod.Namespace} selects the pod.";
    }
}
