using System.Net;
using System.Net.Sockets;

namespace Hostnet.NetBench.Traffic;

/// <summary>Connects to a bench server and names the test, retrying while the server is still starting.</summary>
internal static class Connector
{
    private static readonly TimeSpan StartupGrace = TimeSpan.FromSeconds(10);

    public static Socket Connect(IPEndPoint target, byte test, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + StartupGrace;
        while (true)
        {
            var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
            {
                NoDelay = test == TrafficProtocol.RequestResponse,
            };
            try
            {
                socket.Connect(target);
                socket.Send([test]);
                return socket;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused && DateTime.UtcNow < deadline)
            {
                socket.Dispose();
                cancellation.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(50));
                cancellation.ThrowIfCancellationRequested();
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }
}
