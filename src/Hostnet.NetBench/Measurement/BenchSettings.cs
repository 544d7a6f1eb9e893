using Hostnet.NetBench.Datapath;

namespace Hostnet.NetBench.Measurement;

/// <summary>What a local bench measures: which datapaths, for how long, how many times, how wide, with which engine.</summary>
internal sealed record BenchSettings(IReadOnlyList<BenchMode> Modes, TimeSpan Duration, int Repeat, int Streams, ThroughputEngine Engine);
