namespace Hostnet.NetBench.Results;

/// <summary>
/// One run of one datapath: single-stream throughput, parallel throughput (when more than one stream was asked
/// for), request/response latency percentiles, and the CPU both ends used per Gbit/s of the single stream.
/// </summary>
internal sealed record Sample(double Gbps, double? ParallelGbps, double LatencyP50Ms, double LatencyP99Ms, double CpuPerGbps);
