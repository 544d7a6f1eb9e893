namespace Hostnet.NetBench.Measurement;

/// <summary>What measures throughput: Debian's iperf3 (comparable with published tables) or hostnet's own generator.</summary>
internal enum ThroughputEngine
{
    Iperf3,
    Hostnet,
}
