namespace Hostnet.Core.Semantics.Dns;

/// <summary>The resolver a pod gets: the cluster's DNS, the node's resolv.conf, or only its dnsConfig.</summary>
public enum DnsType
{
    Cluster,
    Host,
    None,
}
