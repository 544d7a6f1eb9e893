using System.Diagnostics;
using System.Net;

namespace Hostnet.NetBench.Traffic;

/// <summary>TCP request/response latency: one connection, one byte each way, as many round trips as fit the duration.</summary>
internal static class LatencyClient
{
    /// <summary>Round-trip times in milliseconds, in the order measured.</summary>
    public static double[] Run(IPEndPoint target, TimeSpan duration, CancellationToken cancellation)
    {
        using var socket = Connector.Connect(target, TrafficProtocol.RequestResponse, cancellation);
        var samples = new List<double>(1 << 16);
        var message = new byte[1];
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration && !cancellation.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            socket.Send(message);
            if (socket.Receive(message) == 0)
            {
                throw new IOException("the server closed the request/response connection");
            }

            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        cancellation.ThrowIfCancellationRequested();
        return [.. samples];
    }
}
