using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Hostnet.Agent;

/// <summary>
/// A raw <c>AF_NETLINK</c> socket of the <c>NETLINK_SOCK_DIAG</c> family (netlink(7), sock_diag(7)), the interface
/// <c>ss</c> reads. It is opened through libc rather than <see cref="System.Net.Sockets.Socket"/>: that class has no
/// address type for <c>sockaddr_nl</c>, and netlink needs nothing of it but a file descriptor to send one request on
/// and read the kernel's answer from, which four libc calls give.
/// </summary>
internal sealed partial class NetlinkSocket : IDisposable
{
    private const int AfNetlink = 16;
    private const int SockRaw = 3;
    private const int SockCloexec = 0x80000;
    private const int NetlinkSockDiag = 4;

    private readonly int _descriptor;

    public NetlinkSocket()
    {
        _descriptor = Socket(AfNetlink, SockRaw | SockCloexec, NetlinkSockDiag);
        if (_descriptor < 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError());
        }
    }

    public unsafe void Send(ReadOnlySpan<byte> message)
    {
        fixed (byte* bytes = message)
        {
            if (SendBytes(_descriptor, bytes, message.Length, 0) != message.Length)
            {
                throw new Win32Exception(Marshal.GetLastPInvokeError());
            }
        }
    }

    /// <summary>Reads one datagram (several netlink messages) into <paramref name="buffer"/>; returns its length.</summary>
    public unsafe int Receive(Span<byte> buffer)
    {
        fixed (byte* bytes = buffer)
        {
            nint read;
            do
            {
                read = ReceiveBytes(_descriptor, bytes, buffer.Length, 0);
            }
            while (read < 0 && Marshal.GetLastPInvokeError() == Eintr);

            return read >= 0 ? (int)read : throw new Win32Exception(Marshal.GetLastPInvokeError());
        }
    }

    public void Dispose() => _ = Close(_descriptor);

    private const int Eintr = 4;

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    private static partial int Socket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    private static unsafe partial nint SendBytes(int socket, byte* buffer, nint length, int flags);

    [LibraryImport("libc", EntryPoint = "recv", SetLastError = true)]
    private static unsafe partial nint ReceiveBytes(int socket, byte* buffer, nint length, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
