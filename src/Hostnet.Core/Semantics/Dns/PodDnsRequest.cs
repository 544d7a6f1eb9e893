using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Validation;

namespace Hostnet.Core.Semantics.Dns;

/// <summary>The parts of a pod that decide its resolv.conf, hostname and /etc/hosts.</summary>
/// <param name="DnsPolicy">dnsPolicy as written (null or empty means ClusterFirst).</param>
/// <param name="Hostname">spec.hostname, or null.</param>
/// <param name="Subdomain">spec.subdomain, or null.</param>
public sealed record PodDnsRequest(
    string? DnsPolicy,
    bool HostNetwork,
    string Namespace,
    DnsConfig? DnsConfig,
    string? Hostname = null,
    string? Subdomain = null)
{
    /// <summary>The pod's name (a controller's first pod), or null when not known.</summary>
    public string? PodName { get; init; }

    /// <summary>spec.hostnameOverride, or null.</summary>
    public string? HostnameOverride { get; init; }

    public bool SetHostnameAsFqdn { get; init; }

    public IReadOnlyList<HostAlias> HostAliases { get; init; } = [];

    public static PodDnsRequest For(PodSpec spec, string @namespace, string? podName)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new PodDnsRequest(spec.DnsPolicy, spec.HostNetwork, @namespace, spec.DnsConfig, spec.Hostname, spec.Subdomain)
        {
            PodName = podName,
            HostnameOverride = spec.HostnameOverride,
            SetHostnameAsFqdn = spec.SetHostnameAsFqdn == true,
            HostAliases = spec.HostAliases,
        };
    }

    /// <summary>
    /// The API's errors for the policy and dnsConfig of the pod spec at <paramref name="specPath"/> (validateDNSPolicy,
    /// then validatePodDNSConfig): a pod with any of them is rejected and never reaches a kubelet.
    /// </summary>
    public IReadOnlyList<FieldError> Validate(string specPath, KubeVersion version)
    {
        var errors = new List<FieldError>();
        if (!string.IsNullOrEmpty(DnsPolicy) && !Dns.DnsPolicy.Supported.Contains(DnsPolicy))
        {
            errors.Add(FieldError.NotSupported(specPath + ".dnsPolicy", DnsPolicy, Dns.DnsPolicy.Supported));
        }

        errors.AddRange(DnsConfigValidation.Validate(specPath, DnsPolicy, DnsConfig, version));
        return errors;
    }
}
