namespace Hostnet.NetBench.Traffic;

/// <summary>
/// The wire protocol between <c>hostnet bench client</c> and <c>hostnet bench serve</c>. A connection opens with one
/// byte naming the test. Stream: the client sends until its time is up and shuts down its side; the server counts
/// what it received, times its own interval (from the opening byte to the client's end of stream) and answers with
/// the count, that interval and the CPU time it spent meanwhile (three little-endian int64: bytes, microseconds,
/// microseconds), so throughput is the receiver's bytes over the receiver's interval, as iperf3's
/// <c>sum_received</c>. Stream connections keep Nagle on, as iperf3's do without <c>-N</c>. Request/response: the
/// client sends one byte and waits for the server to echo it, over and over (netperf's TCP_RR with 1-byte messages,
/// Nagle off).
/// </summary>
internal static class TrafficProtocol
{
    public const byte Stream = (byte)'S';
    public const byte RequestResponse = (byte)'R';

    /// <summary>The size of one write in a stream test (iperf3's default for TCP).</summary>
    public const int StreamBufferBytes = 128 * 1024;

    public const int StreamReplyBytes = 24;
}
