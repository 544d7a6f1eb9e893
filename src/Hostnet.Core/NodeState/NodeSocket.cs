using Hostnet.Core.Semantics.Ports;

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
    public bool IsIPv6 => Address.Contains(':', StringComparison.Ordinal);

    /// <summary>
    /// Whether a bind to <paramref name="hostIP"/> on this port would fail while this socket holds it
    /// (<see cref="HostPortInfo.BindsOverlap"/>).
    /// </summary>
    public bool Blocks(string hostIP) => HostPortInfo.BindsOverlap(Address, hostIP);

    /// <summary><c>address:port</c> as <c>ss</c> prints it, IPv6 in brackets.</summary>
    public string Endpoint => IsIPv6 ? $"[{Address}]:{Port}" : $"{Address}:{Port}";
}
