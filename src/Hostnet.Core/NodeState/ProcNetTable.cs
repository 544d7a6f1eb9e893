using System.Buffers.Binary;
using System.Globalization;
using System.Net;

namespace Hostnet.Core.NodeState;

/// <summary>
/// Reads the kernel's socket tables <c>/proc/net/{tcp,tcp6,udp,udp6}</c> (proc_net_tcp(5); the format is printed by
/// net/ipv4/tcp_ipv4.c get_tcp4_sock, net/ipv6/tcp_ipv6.c get_tcp6_sock and net/ipv4/udp.c udp4_format_sock). Each
/// line after the header: <c>sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode …</c>,
/// addresses as hexadecimal 32-bit words in the kernel's (little-endian) byte order and ports in hexadecimal.
/// </summary>
public static class ProcNetTable
{
    /// <summary>TCP_LISTEN in include/net/tcp_states.h.</summary>
    public const int TcpListen = 0x0A;

    /// <summary>TCP_CLOSE: an unconnected UDP socket (a connected one is TCP_ESTABLISHED).</summary>
    public const int UdpUnconnected = 0x07;

    /// <summary>The waiting sockets of one table; lines that do not parse are skipped (a table is never cut mid-line).</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="protocol"><c>TCP</c> or <c>UDP</c>.</param>
    public static IReadOnlyList<NodeSocket> Parse(string text, string protocol)
    {
        ArgumentNullException.ThrowIfNull(text);
        var wanted = protocol == "TCP" ? TcpListen : UdpUnconnected;
        var sockets = new List<NodeSocket>();
        foreach (var line in text.Split('\n').Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 10
                || !int.TryParse(fields[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var state)
                || state != wanted
                || ParseEndpoint(fields[1]) is not var (address, port)
                || !ulong.TryParse(fields[9], NumberStyles.None, CultureInfo.InvariantCulture, out var inode))
            {
                continue;
            }

            sockets.Add(new NodeSocket(protocol, address, port, inode));
        }

        return sockets;
    }

    /// <summary><c>0100007F:0050</c> → (127.0.0.1, 80); IPv6 is four such words.</summary>
    private static (string Address, int Port)? ParseEndpoint(string field)
    {
        var colon = field.IndexOf(':', StringComparison.Ordinal);
        if (colon is not (8 or 32)
            || !int.TryParse(field.AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var port))
        {
            return null;
        }

        var bytes = new byte[colon / 2];
        for (var word = 0; word < colon / 8; word++)
        {
            if (!uint.TryParse(field.AsSpan(word * 8, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            // The kernel prints each 32-bit word of the network-order address as a host-order integer (little-endian on
            // the x86-64 and arm64 nodes Kubernetes runs on).
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(word * 4, 4), value);
        }

        return (Format(bytes), port);
    }

    /// <summary>An address as <c>ss</c> and the pod spec write it (IPv6 compressed, IPv4-mapped kept as <c>::ffff:a.b.c.d</c>).</summary>
    public static string Format(ReadOnlySpan<byte> address) => new IPAddress(address).ToString();
}
