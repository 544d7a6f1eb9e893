using System.CommandLine;
using System.CommandLine.Parsing;
using Hostnet.Core.Runs;
using Hostnet.Core.Semantics.Dns;

namespace Hostnet.Cli.Commands;

/// <summary>
/// The arguments of <c>hostnet dns</c>: a manifest, or the flags that describe a pod without one, and the kubelet's DNS
/// settings.
/// </summary>
internal sealed class DnsOptions
{
    /// <summary>kubeadm's defaults: the tenth address of 10.96.0.0/12 and cluster.local.</summary>
    public const string DefaultClusterDns = "10.96.0.10";

    public const string DefaultClusterDomain = "cluster.local";

    public Argument<string?> File { get; } = new("FILE") { Description = "A manifest with the pod or workload (or - for standard input)", Arity = ArgumentArity.ZeroOrOne };

    public Option<string?> Name { get; } = new("--name") { Description = "The workload to use when FILE holds several", HelpName = "NAME" };

    public Option<bool> HostNetwork { get; } = new("--host-network") { Description = "Without FILE: the pod has hostNetwork: true" };

    public Option<string?> DnsPolicy { get; } = new("--dns-policy") { Description = "Without FILE: the pod's dnsPolicy (default ClusterFirst)", HelpName = "POLICY" };

    public Option<string[]> Nameservers { get; } = new("--nameserver") { Description = "Without FILE: a dnsConfig nameserver (repeatable)", HelpName = "IP", AllowMultipleArgumentsPerToken = false };

    public Option<string[]> Searches { get; } = new("--search") { Description = "Without FILE: a dnsConfig search domain (repeatable)", HelpName = "DOMAIN" };

    public Option<string[]> DnsConfigOptions { get; } = new("--option") { Description = "Without FILE: a dnsConfig option NAME or NAME:VALUE (repeatable)", HelpName = "NAME[:VALUE]" };

    public Option<string?> Hostname { get; } = NameOption.MustBeLabels(new Option<string?>("--hostname") { Description = "Without FILE: the pod's spec.hostname", HelpName = "NAME" });

    public Option<string?> Subdomain { get; } = NameOption.MustBeLabels(new Option<string?>("--subdomain") { Description = "Without FILE: the pod's spec.subdomain", HelpName = "NAME" });

    public Option<string?> Namespace { get; } = NameOption.MustBeLabels(new Option<string?>("--namespace", "-n") { Description = "The pod's namespace when the manifest does not say (default: default)", HelpName = "NAMESPACE" });

    public Option<string> ClusterDomain { get; } = NameOption.MustBeSubdomains(new Option<string>("--cluster-domain") { Description = "The kubelet's clusterDomain; \"\" for none", DefaultValueFactory = _ => DefaultClusterDomain, HelpName = "DOMAIN" }, allowEmpty: true);

    public Option<string[]> ClusterDns { get; } = NameOption.MustBeAddresses(new Option<string[]>("--cluster-dns") { Description = $"The kubelet's clusterDNS address (repeatable); \"\" for none (default {DefaultClusterDns})", HelpName = "IP" }, allowEmpty: true);

    public Option<string?> ResolvConf { get; } = new("--resolv-conf") { Description = "The node's resolv.conf as the kubelet reads it; \"\" as the kubelet's resolvConf: \"\" (default: a typical node's, see docs/dns.md)", HelpName = "FILE" };

    /// <summary>The options that describe a pod, which a manifest replaces.</summary>
    public IReadOnlyList<Option> PodFlags => [HostNetwork, DnsPolicy, Nameservers, Searches, DnsConfigOptions, Hostname, Subdomain];

    /// <summary>A usage error for flags that describe a pod beside FILE, and for --name without FILE.</summary>
    public void RefuseFlagsBesideFile(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var given = PodFlags.Where(o => result.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
        if (result.GetValue(File) is not null && given.Count > 0)
        {
            result.AddError($"{string.Join(", ", given)} describe a pod without FILE; edit the manifest instead");
        }
        else if (result.GetValue(File) is null && result.GetResult(Name) is not null)
        {
            result.AddError("--name selects a workload of FILE; give FILE");
        }
    }

    /// <summary>The pod the flags describe.</summary>
    public PodDnsRequest Pod(ParseResult result) => new(
        result.GetValue(DnsPolicy),
        result.GetValue(HostNetwork),
        result.GetValue(Namespace) ?? "default",
        DnsQuery.FlagsConfig(result.GetValue(Nameservers), result.GetValue(Searches), result.GetValue(DnsConfigOptions)),
        result.GetValue(Hostname),
        result.GetValue(Subdomain));

    /// <summary>The kubelet's clusterDNS addresses: the default unless given, "" for none.</summary>
    public IReadOnlyList<string> ClusterDnsOf(ParseResult result) =>
        result.GetResult(ClusterDns) is null ? [DefaultClusterDns] : [.. result.GetValue(ClusterDns)!.Where(a => a.Length > 0)];
}
