using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Hostnet.NetBench.Traffic;

/// <summary>The server side of <see cref="TrafficProtocol"/>: one thread per connection, until cancelled.</summary>
internal sealed class BenchServer(IPEndPoint listen) : IDisposable
{
    private readonly Socket _listener = new(listen.AddressFamily, SocketType.Stream, ProtocolType.Tcp);

    public IPEndPoint LocalEndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    public void Start()
    {
        _listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Bind(listen);
        _listener.Listen(64);
        new Thread(AcceptLoop) { IsBackground = true, Name = "bench-accept" }.Start();
    }

    public void Dispose() => _listener.Dispose();

    private void AcceptLoop()
    {
        while (true)
        {
            Socket connection;
            try
            {
                connection = _listener.Accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            new Thread(() => Serve(connection)) { IsBackground = true, Name = "bench-connection" }.Start();
        }
    }

    private static void Serve(Socket connection)
    {
        using (connection)
        {
            try
            {
                var kind = new byte[1];
                if (connection.Receive(kind) == 0)
                {
                    return;
                }

                if (kind[0] == TrafficProtocol.Stream)
                {
                    Drain(connection);
                }
                else if (kind[0] == TrafficProtocol.RequestResponse)
                {
                    connection.NoDelay = true;
                    Echo(connection);
                }
            }
            catch (SocketException)
            {
                // The client went away mid-test; its own side reports the failure.
            }
        }
    }

    private static void Drain(Socket connection)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var buffer = new byte[TrafficProtocol.StreamBufferBytes];
        long received = 0;
        int read;
        while ((read = connection.Receive(buffer)) > 0)
        {
            received += read;
        }

        var elapsed = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var reply = new byte[TrafficProtocol.StreamReplyBytes];
        BinaryPrimitives.WriteInt64LittleEndian(reply, received);
        BinaryPrimitives.WriteInt64LittleEndian(reply.AsSpan(8), (long)elapsed.TotalMicroseconds);
        BinaryPrimitives.WriteInt64LittleEndian(reply.AsSpan(16), (long)cpu.TotalMicroseconds);
        connection.Send(reply);
    }

    private static void Echo(Socket connection)
    {
        var message = new byte[1];
        while (connection.Receive(message) > 0)
        {
            connection.Send(message);
        }
    }
}
