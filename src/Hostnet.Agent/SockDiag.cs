using System.Buffers.Binary;
using System.ComponentModel;
using Hostnet.Core.NodeState;

namespace Hostnet.Agent;

/// <summary>
/// Lists the waiting sockets of the agent's network namespace with one <c>SOCK_DIAG_BY_FAMILY</c> dump per family and
/// protocol, as <c>ss -tuln</c> does (sock_diag(7); linux include/uapi/linux/inet_diag.h): the request is an
/// <c>nlmsghdr</c> followed by an <c>inet_diag_req_v2</c> with the states wanted; each answer is an <c>nlmsghdr</c>
/// followed by an <c>inet_diag_msg</c> (family, state, the <c>inet_diag_sockid</c> with the port and address in network
/// order, …, the inode at offset 68), until <c>NLMSG_DONE</c>.
/// </summary>
internal static class SockDiag
{
    private const ushort SockDiagByFamily = 20;
    private const ushort NlmFRequest = 0x1;
    private const ushort NlmFDump = 0x300;
    private const ushort NlmsgError = 2;
    private const ushort NlmsgDone = 3;
    private const int HeaderLength = 16;
    private const int RequestLength = HeaderLength + 56;
    private const int MessageLength = 72;
    private const byte AfInet = 2;
    private const byte AfInet6 = 10;
    private const byte IpProtoTcp = 6;
    private const byte IpProtoUdp = 17;

    /// <summary>Room for one answer of a dump: the kernel sends at most about 32 KiB of messages at a time.</summary>
    private const int ReceiveBufferLength = 64 * 1024;

    /// <summary>The sockets of one protocol (<c>TCP</c>: state LISTEN; <c>UDP</c>: unconnected), IPv4 then IPv6.</summary>
    /// <exception cref="Win32Exception">The kernel refused (no <c>udp_diag</c> module, or netlink is not allowed).</exception>
    public static List<NodeSocket> List(string protocol)
    {
        var sockets = new List<NodeSocket>();
        var addresses = new AddressNames();
        var buffer = new byte[ReceiveBufferLength];
        var (ipProtocol, state) = protocol == "TCP" ? (IpProtoTcp, ProcNetTable.TcpListen) : (IpProtoUdp, ProcNetTable.UdpUnconnected);
        using var socket = new NetlinkSocket();
        foreach (var family in new[] { AfInet, AfInet6 })
        {
            Dump(socket, family, ipProtocol, 1u << state, new DumpTarget(protocol, buffer, addresses, sockets));
        }

        return sockets;
    }

    private static void Dump(NetlinkSocket socket, byte family, byte ipProtocol, uint states, DumpTarget target)
    {
        Span<byte> request = stackalloc byte[RequestLength];
        request.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(request, RequestLength);
        BinaryPrimitives.WriteUInt16LittleEndian(request[4..], SockDiagByFamily);
        BinaryPrimitives.WriteUInt16LittleEndian(request[6..], NlmFRequest | NlmFDump);
        BinaryPrimitives.WriteUInt32LittleEndian(request[8..], 1);
        request[HeaderLength] = family;
        request[HeaderLength + 1] = ipProtocol;
        BinaryPrimitives.WriteUInt32LittleEndian(request[(HeaderLength + 4)..], states);
        socket.Send(request);

        var buffer = target.Buffer;
        while (true)
        {
            var length = socket.Receive(buffer);
            var offset = 0;
            while (offset + HeaderLength <= length)
            {
                var messageLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset));
                var type = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(offset + 4));
                if (type == NlmsgDone)
                {
                    return;
                }

                if (type == NlmsgError)
                {
                    var error = BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(offset + HeaderLength));
                    throw new Win32Exception(-error);
                }

                if (messageLength < HeaderLength + MessageLength || offset + messageLength > length)
                {
                    throw new InvalidDataException($"sock_diag answered a message of {messageLength} bytes");
                }

                target.Sockets.Add(Read(buffer.AsSpan(offset + HeaderLength, MessageLength), target));
                offset += (messageLength + 3) & ~3;
            }
        }
    }

    private static NodeSocket Read(ReadOnlySpan<byte> message, DumpTarget target)
    {
        var family = message[0];
        var port = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        var address = message.Slice(8, family == AfInet6 ? 16 : 4);
        var inode = BinaryPrimitives.ReadUInt32LittleEndian(message[68..]);
        return new NodeSocket(target.Protocol, target.Addresses.Name(address), port, inode);
    }

    /// <summary>Where one dump's answers go: the protocol they are of, the receive buffer, the address names, the list.</summary>
    private sealed record DumpTarget(string Protocol, byte[] Buffer, AddressNames Addresses, List<NodeSocket> Sockets);

    /// <summary>
    /// Address bytes → their text, formatted once: a node's thousands of listeners share a handful of addresses
    /// (<c>0.0.0.0</c>, <c>::</c>, loopback, the node's), and the kernel answers them one after another.
    /// </summary>
    private sealed class AddressNames
    {
        private byte[] _last = [];
        private string _lastName = string.Empty;

        public string Name(ReadOnlySpan<byte> address)
        {
            if (!address.SequenceEqual(_last))
            {
                _last = address.ToArray();
                _lastName = ProcNetTable.Format(address);
            }

            return _lastName;
        }
    }
}
