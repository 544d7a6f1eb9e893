namespace Hostnet.NetBench.Results;

/// <summary>
/// A whole bench: one row per datapath, the first being the baseline the others are compared with (<c>host</c>
/// locally, the first target in a cluster), the throughput engine and the machine it ran on.
/// </summary>
internal sealed record BenchReport(
    IReadOnlyList<ModeResult> Rows,
    string Engine,
    string Kernel,
    int Cpus,
    TimeSpan Duration,
    int Repeat,
    int Streams)
{
    /// <summary>The CPUs the local bench pinned its receivers and senders to; null when it did not (<c>--no-pin</c>, one CPU, or a cluster run).</summary>
    public CpuPinning? Pinning { get; init; }

    public ModeResult Baseline => Rows[0];

    /// <summary>A row's median divided by the baseline's median, for one measure.</summary>
    public static double Ratio(Spread value, Spread baseline) => baseline.Median == 0 ? double.NaN : value.Median / baseline.Median;
}
