using Hostnet.NetBench.Datapath;
using Hostnet.NetBench.Results;

namespace Hostnet.NetBench.Measurement;

/// <summary>What a local bench measures: which datapaths, for how long, how many times, how wide, with which engine.</summary>
/// <param name="Pinning">The CPUs of the receivers and the senders; null to leave them to the scheduler (<c>--no-pin</c>).</param>
internal sealed record BenchSettings(IReadOnlyList<BenchMode> Modes, TimeSpan Duration, int Repeat, int Streams, ThroughputEngine Engine, CpuPinning? Pinning);
