namespace Hostnet.Core.Model;

/// <summary>A <c>spec.hostAliases</c> entry: the kubelet appends it to the pod's <c>/etc/hosts</c>.</summary>
public sealed record HostAlias(string Path, string Ip, IReadOnlyList<string> Hostnames);
