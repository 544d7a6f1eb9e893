namespace Hostnet.Core.Model;

/// <summary>The pod's <c>dnsConfig</c>.</summary>
public sealed record DnsConfig(string Path, IReadOnlyList<string> Nameservers, IReadOnlyList<string> Searches, IReadOnlyList<DnsOption> Options);
