namespace Hostnet.Core.Semantics.Dns;

/// <summary>What the kubelet gives a pod for DNS.</summary>
/// <param name="Type">The resolver type the kubelet chose from the policy (before a missing clusterDNS falls back).</param>
/// <param name="PolicyApplied">
/// The policy whose behaviour the pod gets: <c>Default</c> when ClusterFirst falls back to the node's resolver,
/// otherwise the policy after defaulting.
/// </param>
/// <param name="Config">The servers, searches and options after the limits; null when the kubelet fails (<paramref name="Error"/>).</param>
/// <param name="Events">The Warning events recorded on the pod and the node, in the kubelet's order.</param>
/// <param name="Error">Why the kubelet cannot form any configuration (an unparsable resolv.conf), or null.</param>
public sealed record PodDnsResult(
    DnsType Type,
    string PolicyApplied,
    ResolvConf? Config,
    IReadOnlyList<KubeletEvent> Events,
    string? Error)
{
    /// <summary>Whether ClusterFirst-style resolution fell back to the node's resolver because the kubelet has no clusterDNS.</summary>
    public bool MissingClusterDns => Events.Any(e => e.Reason == PodDns.MissingClusterDnsReason);
}
