using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Dns;

/// <summary>The kubelet configuration that shapes a pod's resolv.conf.</summary>
/// <param name="ClusterDns">The kubelet's <c>clusterDNS</c> addresses; empty when it has none.</param>
/// <param name="ClusterDomain">The kubelet's <c>clusterDomain</c>; empty when it has none.</param>
/// <param name="ResolverConfig">
/// The kubelet's <c>resolvConf</c> path, or the empty string when it is set to "" (then host-resolver pods get
/// nameserver 127.0.0.1 and search "."). Only named in the node's events.
/// </param>
/// <param name="Host">The file at <paramref name="ResolverConfig"/> as the kubelet parsed it.</param>
public sealed record KubeletDnsSettings(
    IReadOnlyList<string> ClusterDns,
    string ClusterDomain,
    string ResolverConfig,
    ParsedResolvConf Host,
    KubeVersion Version);
