using System.Globalization;
using System.Text;
using Hostnet.NetBench.Results;

namespace Hostnet.NetBench.Rendering;

/// <summary>
/// The report as a table, one row per datapath like the iperf3 tables people quote, but with each median's range
/// over the runs and its ratio to the baseline; a ratio whose range overlaps the baseline's is marked ≈ (within noise).
/// </summary>
internal static class BenchTextWriter
{
    public static string Render(BenchReport report)
    {
        var baseline = report.Baseline;
        var parallel = report.Streams > 1;
        var headers = new List<string> { "mode", "Gbit/s (min–max)", $"× {baseline.Mode}" };
        if (parallel)
        {
            headers.AddRange([$"{report.Streams} streams Gbit/s (min–max)", $"× {baseline.Mode}"]);
        }

        headers.AddRange(["latency p50 ms (min–max)", "p99 ms (min–max)", $"× {baseline.Mode}", "CPU per Gbit/s (min–max)", $"× {baseline.Mode}"]);
        var rows = new List<string[]> { headers.ToArray() };
        foreach (var row in report.Rows)
        {
            var cells = new List<string> { row.Mode, Cell(row.Gbps, "0.00"), Ratio(row.Gbps, baseline.Gbps) };
            if (parallel && row.ParallelGbps is { } wide && baseline.ParallelGbps is { } baseWide)
            {
                cells.AddRange([Cell(wide, "0.00"), Ratio(wide, baseWide)]);
            }

            cells.AddRange(
            [
                Cell(row.LatencyP50Ms, "0.000"), Cell(row.LatencyP99Ms, "0.000"), Ratio(row.LatencyP50Ms, baseline.LatencyP50Ms),
                Cell(row.CpuPerGbps, "0.0", 100, " %"), Ratio(row.CpuPerGbps, baseline.CpuPerGbps),
            ]);
            rows.Add([.. cells]);
        }

        var widths = Enumerable.Range(0, headers.Count).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"hostnet bench: {report.Rows.Count} datapaths, median of {report.Repeat} runs of {report.Duration.TotalSeconds:0.###} s each, throughput by {report.Engine}; kernel {report.Kernel}, {report.Cpus} CPUs; {Pinning(report)}\n\n");
        foreach (var row in rows)
        {
            text.Append(string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd()).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture,
            $"\nCPU: cores busy on both ends (getrusage) per Gbit/s of one stream, in % of one core. ≈: the range overlaps {baseline.Mode}'s, so the difference is within the run-to-run noise.\n");
        return text.ToString();
    }

    private static string Pinning(BenchReport report) => report.Pinning is { } pinning
        ? string.Create(CultureInfo.InvariantCulture, $"pinned: receivers on CPU {pinning.Receiver}, senders on CPU {pinning.Sender}")
        : "not pinned";

    private static string Cell(Spread spread, string format, double scale = 1, string unit = "") =>
        string.Create(CultureInfo.InvariantCulture,
            $"{(spread.Median * scale).ToString(format, CultureInfo.InvariantCulture)}{unit} ({(spread.Min * scale).ToString(format, CultureInfo.InvariantCulture)}–{(spread.Max * scale).ToString(format, CultureInfo.InvariantCulture)})");

    private static string Ratio(Spread value, Spread baseline)
    {
        var ratio = BenchReport.Ratio(value, baseline).ToString("0.00", CultureInfo.InvariantCulture);
        return value.Overlaps(baseline) && value != baseline ? "≈" + ratio : ratio;
    }
}
