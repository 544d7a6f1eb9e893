namespace Hostnet.Core.Semantics.Dns;

/// <summary>A resolv.conf as the kubelet read it.</summary>
/// <param name="Error">
/// The kubelet's parse error (a <c>nameserver</c> line without an address), or null. With an error the kubelet
/// cannot build any pod's DNS configuration, so no pod sandbox starts on the node.
/// </param>
public sealed record ParsedResolvConf(ResolvConf Config, string? Error);
