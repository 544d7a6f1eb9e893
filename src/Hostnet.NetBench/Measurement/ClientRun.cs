using System.Net;
using Hostnet.NetBench.Datapath;
using Hostnet.NetBench.Results;
using Hostnet.NetBench.Traffic;

namespace Hostnet.NetBench.Measurement;

/// <summary>
/// One measurement against a bench server, from wherever this process runs (a namespace the bench made, or a pod):
/// request/response latency with hostnet's client, then single-stream and, with more than one stream, parallel
/// throughput with the chosen engine.
/// </summary>
internal static class ClientRun
{
    public static Sample Measure(IPAddress target, ClientSettings settings, CancellationToken cancellation)
    {
        // Latency first: its connect waits for a server still starting, which iperf3's client does not do.
        var latencies = LatencyClient.Run(new IPEndPoint(target, BenchPorts.Hostnet), settings.Duration, cancellation);
        var (gbps, cores) = Throughput(target, 1, settings, cancellation);
        double? parallel = settings.Streams > 1 ? Throughput(target, settings.Streams, settings, cancellation).Gbps : null;
        return new Sample(gbps, parallel, Percentile.Of(latencies, 50), Percentile.Of(latencies, 99), cores / gbps);
    }

    private static (double Gbps, double CpuCores) Throughput(IPAddress target, int streams, ClientSettings settings, CancellationToken cancellation)
    {
        if (settings.Engine == ThroughputEngine.Iperf3)
        {
            var output = Iperf3.RunClient(target.ToString(), BenchPorts.Iperf3, settings.Duration, streams);
            return (output.Gbps, output.CpuCores);
        }

        var result = StreamClient.Run(new IPEndPoint(target, BenchPorts.Hostnet), streams, settings.Duration, cancellation);
        return (result.Gbps, result.CpuCores);
    }
}
