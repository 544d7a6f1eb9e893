using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Hostnet.NetBench.Traffic;

/// <summary>hostnet's TCP stream generator: <c>streams</c> connections sending as fast as they can for a duration.</summary>
internal static class StreamClient
{
    /// <summary>
    /// What one stream test measured: bytes the server received over the server's own interval (iperf3's
    /// <c>sum_received</c>), how long the client ran, and the CPU both ends used.
    /// </summary>
    public sealed record Result(long Bytes, TimeSpan ReceiverElapsed, TimeSpan ClientElapsed, TimeSpan ClientCpu, TimeSpan ServerCpu)
    {
        public double Gbps => Bytes * 8 / ReceiverElapsed.TotalSeconds / 1e9;

        /// <summary>CPU cores busy on both ends while the test ran.</summary>
        public double CpuCores => (ClientCpu + ServerCpu).TotalSeconds / ClientElapsed.TotalSeconds;
    }

    public static Result Run(IPEndPoint target, int streams, TimeSpan duration, CancellationToken cancellation)
    {
        var sockets = Enumerable.Range(0, streams).Select(_ => Connector.Connect(target, TrafficProtocol.Stream, cancellation)).ToList();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var results = new StreamReply[streams];
        var threads = sockets.Select((socket, i) => new Thread(() => results[i] = Send(socket, clock, duration, cancellation))
        {
            IsBackground = true,
            Name = "bench-stream",
        }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        var elapsed = clock.Elapsed;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        sockets.ForEach(s => s.Dispose());
        cancellation.ThrowIfCancellationRequested();

        // Parallel streams overlap on the server (one process, one clock): the longest interval and CPU time cover
        // them all, as iperf3 divides the sum of its streams by one receiver interval.
        return new Result(results.Sum(r => r.Bytes), results.Max(r => r.ReceiverElapsed), elapsed, clientCpu, results.Max(r => r.ServerCpu));
    }

    private static StreamReply Send(Socket socket, Stopwatch clock, TimeSpan duration, CancellationToken cancellation)
    {
        var buffer = new byte[TrafficProtocol.StreamBufferBytes];
        Random.Shared.NextBytes(buffer);
        while (clock.Elapsed < duration && !cancellation.IsCancellationRequested)
        {
            socket.Send(buffer);
        }

        socket.Shutdown(SocketShutdown.Send);
        var reply = new byte[TrafficProtocol.StreamReplyBytes];
        var read = 0;
        while (read < reply.Length)
        {
            var n = socket.Receive(reply, read, reply.Length - read, SocketFlags.None);
            if (n == 0)
            {
                throw new IOException("the server closed the stream before reporting what it received");
            }

            read += n;
        }

        return new StreamReply(
            BinaryPrimitives.ReadInt64LittleEndian(reply),
            TimeSpan.FromMicroseconds(BinaryPrimitives.ReadInt64LittleEndian(reply.AsSpan(8))),
            TimeSpan.FromMicroseconds(BinaryPrimitives.ReadInt64LittleEndian(reply.AsSpan(16))));
    }

    /// <summary>The server's answer for one stream (<see cref="TrafficProtocol"/>).</summary>
    private readonly record struct StreamReply(long Bytes, TimeSpan ReceiverElapsed, TimeSpan ServerCpu);
}
