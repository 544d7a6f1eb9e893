namespace Hostnet.Core.Model;

/// <summary>One resolver option of <c>dnsConfig.options</c>.</summary>
public sealed record DnsOption(string Name, string? Value);
