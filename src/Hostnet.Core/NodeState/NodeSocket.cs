namespace Hostnet.Core.NodeState;

/// <summary>
/// A socket of the node's network namespace that waits for traffic: a TCP socket in <c>LISTEN</c>, or a UDP socket
/// bound and not connected (<c>ss</c> prints it as <c>UNCONN</c>).
/// </summary>
/// <param name="Protocol"><c>TCP</c> or <c>UDP</c>, spelled as the pod spec spells protocols.</param>
/// <param name="Address">The local address as text: <c>0.0.0.0</c> and <c>::</c> mean every address of the family.</param>
/// <param name="Port">The local port.</param>
/// <param name="Inode">The socket's inode, which <c>/proc/&lt;pid&gt;/fd</c> links name as <c>socket:[inode]</c>.</param>
public sealed record NodeSocket(string Protocol, string Address, int Port, ulong Inode)
{
    public const string AnyIPv4 = "0.0.0.0";
    public const string AnyIPv6 = "::";

    public bool IsIPv6 => Address.Contains(':', StringComparison.Ordinal);

    /// <summary>
    /// Whether a bind to <paramref name="hostIP"/> on this port would fail while this socket holds it: either side on
    /// every address, or the same address. An IPv6 socket on <c>::</c> also holds IPv4 (Linux's default
    /// <c>net.ipv6.bindv6only=0</c> makes it dual-stack).
    /// </summary>
    public bool Blocks(string hostIP) =>
        Address is AnyIPv4 or AnyIPv6 || hostIP is AnyIPv4 or AnyIPv6 || string.Equals(Address, hostIP, StringComparison.OrdinalIgnoreCase);

    /// <summary><c>address:port</c> as <c>ss</c> prints it, IPv6 in brackets.</summary>
    public string Endpoint => IsIPv6 ? $"[{Address}]:{Port}" : $"{Address}:{Port}";
}
