using System.Text;
using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Dns;

/// <summary>
/// The hostname a pod's containers see and the <c>/etc/hosts</c> the kubelet mounts into them
/// (pkg/kubelet/kubelet_pods.go <c>GeneratePodHostNameAndDomain</c>, <c>truncatePodHostnameIfNeeded</c>,
/// <c>ensureHostsFile</c>, <c>nodeHostsFileContent</c>, <c>managedHostsFileContent</c>,
/// <c>hostsEntriesFromHostAliases</c>; pkg/kubelet/util/util.go <c>GetNodenameForKernel</c>;
/// pkg/kubelet/kuberuntime/kuberuntime_sandbox.go <c>generatePodSandboxConfig</c>, which sets a hostname only off the
/// host network; v1.33, and <c>hostnameOverride</c> from v1.35 where its gate is on by default). On the host network
/// the file is the node's own behind a header, plus <c>hostAliases</c>; otherwise the kubelet writes localhost, the
/// pod's IP with its names, then <c>hostAliases</c>.
/// </summary>
/// <param name="Hostname">What <c>hostname</c> prints in the containers; null on the host network (the node's).</param>
/// <param name="Fqdn">What <c>hostname -f</c> finds in the file when the pod has a subdomain, else null.</param>
/// <param name="HostsFile">The file, <see cref="PodIp"/> and <see cref="NodeFile"/> standing for what the kubelet knows only on the node.</param>
/// <param name="Error">The kubelet's error when the sandbox cannot be made (a FQDN over 64 characters), else null.</param>
public sealed record PodHosts(string? Hostname, string? Fqdn, string HostsFile, string? Error)
{
    /// <summary>Stands for the pod's IP (one line per IP on dual-stack pods).</summary>
    public const string PodIp = "<pod-ip>";

    /// <summary>Stands for the pod's name where the caller does not know it.</summary>
    public const string PodName = "<pod-name>";

    /// <summary>Stands for the node's own /etc/hosts, copied when the pod starts.</summary>
    public const string NodeFile = "<the node's /etc/hosts>\n";

    private const string ManagedHeader = "# Kubernetes-managed hosts file.\n";
    private const string HostNetworkHeader = "# Kubernetes-managed hosts file (host network).\n";

    // GeneratePodHostNameAndDomain gains its hostnameOverride branch with the HostnameOverride gate (alpha 1.34, on from 1.35).
    private static readonly KubeVersion HostnameOverrideSince = new(1, 35);

    public static PodHosts For(PodDnsRequest pod, KubeletDnsSettings kubelet)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(kubelet);
        if (pod.HostNetwork)
        {
            return new PodHosts(null, null, HostNetworkHeader + NodeFile + AliasEntries(pod.HostAliases), null);
        }

        var (hostname, domain) = HostnameAndDomain(pod, kubelet);
        var file = new StringBuilder(ManagedHeader)
            .Append("127.0.0.1\tlocalhost\n")
            .Append("::1\tlocalhost ip6-localhost ip6-loopback\n")
            .Append("fe00::0\tip6-localnet\n")
            .Append("fe00::0\tip6-mcastprefix\n")
            .Append("fe00::1\tip6-allnodes\n")
            .Append("fe00::2\tip6-allrouters\n")
            .Append(domain.Length > 0 ? $"{PodIp}\t{hostname}.{domain}\t{hostname}\n" : $"{PodIp}\t{hostname}\n")
            .Append(AliasEntries(pod.HostAliases))
            .ToString();
        var fqdn = domain.Length > 0 ? $"{hostname}.{domain}" : null;

        // GetNodenameForKernel: the kernel's nodename field holds 64 characters.
        const int FqdnMaxLength = 64;
        if (pod.SetHostnameAsFqdn && fqdn is not null)
        {
            return fqdn.Length > FqdnMaxLength
                ? new PodHosts(null, fqdn, file, $"failed to construct FQDN from pod hostname and cluster domain, FQDN {fqdn} is too long ({FqdnMaxLength} characters is the max, {fqdn.Length} characters requested)")
                : new PodHosts(fqdn, fqdn, file, null);
        }

        return new PodHosts(hostname, fqdn, file, null);
    }

    private static (string Hostname, string Domain) HostnameAndDomain(PodDnsRequest pod, KubeletDnsSettings kubelet)
    {
        if (pod.HostnameOverride is { } hostnameOverride && kubelet.Version >= HostnameOverrideSince)
        {
            return (Truncated(hostnameOverride), string.Empty);
        }

        var hostname = Truncated(string.IsNullOrEmpty(pod.Hostname) ? pod.PodName ?? PodName : pod.Hostname);
        var domain = string.IsNullOrEmpty(pod.Subdomain) ? string.Empty : $"{pod.Subdomain}.{pod.Namespace}.svc.{kubelet.ClusterDomain}";
        return (hostname, domain);
    }

    /// <summary>truncatePodHostnameIfNeeded: 63 characters, without a trailing '-' or '.'.</summary>
    private static string Truncated(string hostname)
    {
        const int HostnameMaxLength = 63;
        return hostname.Length <= HostnameMaxLength ? hostname : hostname[..HostnameMaxLength].TrimEnd('-', '.');
    }

    private static string AliasEntries(IReadOnlyList<HostAlias> aliases)
    {
        if (aliases.Count == 0)
        {
            return string.Empty;
        }

        var entries = new StringBuilder("\n# Entries added by HostAliases.\n");
        foreach (var alias in aliases)
        {
            entries.Append(alias.Ip).Append('\t').AppendJoin('\t', alias.Hostnames).Append('\n');
        }

        return entries.ToString();
    }
}
