namespace Hostnet.NetBench.Results;

/// <summary>A datapath's samples over the repeats, summarised as medians with their ranges.</summary>
internal sealed record ModeResult(string Mode, IReadOnlyList<Sample> Samples)
{
    public Spread Gbps => Spread.Of([.. Samples.Select(s => s.Gbps)]);

    public Spread? ParallelGbps => Samples.All(s => s.ParallelGbps is not null) && Samples.Count > 0
        ? Spread.Of([.. Samples.Select(s => s.ParallelGbps!.Value)])
        : null;

    public Spread LatencyP50Ms => Spread.Of([.. Samples.Select(s => s.LatencyP50Ms)]);

    public Spread LatencyP99Ms => Spread.Of([.. Samples.Select(s => s.LatencyP99Ms)]);

    public Spread CpuPerGbps => Spread.Of([.. Samples.Select(s => s.CpuPerGbps)]);
}
