namespace Hostnet.NetBench.Measurement;

/// <summary>How long and how wide one client run is, and what measures its throughput.</summary>
internal sealed record ClientSettings(TimeSpan Duration, int Streams, ThroughputEngine Engine);
