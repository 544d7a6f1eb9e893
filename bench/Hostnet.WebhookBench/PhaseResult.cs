using System.Globalization;

namespace Hostnet.WebhookBench;

/// <summary>What one phase measured: latencies in microseconds (from the scheduled send time), errors, duration, the server's CPU time.</summary>
internal sealed record PhaseResult(string Endpoint, string Phase, long[] LatenciesMicros, int Errors, TimeSpan Elapsed, long RssKiB, TimeSpan ServerCpu)
{
    public double Throughput => LatenciesMicros.Length / Elapsed.TotalSeconds;

    public double CpuMicrosPerRequest => ServerCpu.TotalMicroseconds / Math.Max(1, LatenciesMicros.Length);

    public double Percentile(double p)
    {
        if (LatenciesMicros.Length == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMicros.Order().ToArray();
        var index = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)] / 1000.0;
    }

    public string Row() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Endpoint} | {Phase} | {LatenciesMicros.Length:N0} | {Throughput:N0} | {Percentile(50):F3} | {Percentile(99):F3} | {(LatenciesMicros.Length == 0 ? double.NaN : LatenciesMicros.Max() / 1000.0):F3} | {Errors} | {CpuMicrosPerRequest:F0} | {RssKiB / 1024.0:F1} |");
}
