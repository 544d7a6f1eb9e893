namespace Hostnet.NetBench.Traffic;

/// <summary>
/// The wire protocol between <c>hostnet bench client</c> and <c>hostnet bench serve</c>. A connection opens with one
/// byte naming the test. Stream: the client sends until its time is up and shuts down its side; the server counts
/// what it received and answers with that count and the CPU time it spent meanwhile (two little-endian int64: bytes,
/// microseconds), so throughput is measured at the receiver as iperf3 does. Request/response: the client sends one
/// byte and waits for the server to echo it, over and over (netperf's TCP_RR with 1-byte messages).
/// </summary>
internal static class TrafficProtocol
{
    public const byte Stream = (byte)'S';
    public const byte RequestResponse = (byte)'R';

    /// <summary>The size of one write in a stream test (iperf3's default for TCP).</summary>
    public const int StreamBufferBytes = 128 * 1024;

    public const int StreamReplyBytes = 16;
}
