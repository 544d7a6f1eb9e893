using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Dns;

namespace Hostnet.Core.Rules.Dns;

/// <summary>
/// HN030: host network with <c>ClusterFirst</c>, written or defaulted. The kubelet silently hands such a pod the node's
/// resolver (pkg/kubelet/network/dns/dns.go, getPodDNSType). An explicit <c>Default</c> is a choice, not a finding.
/// </summary>
public sealed class HostNetworkClusterDns : WorkloadRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN030",
        "host-network-cluster-dns",
        "Host network with dnsPolicy ClusterFirst: cluster names do not resolve",
        Severity.Warning,
        "C. DNS",
        HasFix: true);

    public override RuleDescriptor Descriptor => Rule;

    protected override void Check(Workload workload, AnalysisContext context)
    {
        var spec = workload.Spec;
        if (!spec.HostNetwork || DnsPolicy.TypeFor(spec.DnsPolicy, hostNetwork: true) != DnsType.Host || spec.DnsPolicy == DnsPolicy.Default)
        {
            return;
        }

        var written = spec.DnsPolicy is null ? "is not set, so it defaults to ClusterFirst" : "is ClusterFirst";
        context.Report(
            Rule,
            workload,
            spec.DnsPolicy is null ? spec.Path + ".hostNetwork" : spec.Path + ".dnsPolicy",
            $"hostNetwork is true and dnsPolicy {written}: the kubelet silently falls back to the node's resolv.conf, so cluster names such as kubernetes.default.svc do not resolve",
            "set dnsPolicy: ClusterFirstWithHostNet");
    }
}
