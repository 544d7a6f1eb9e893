using System.Text;
using System.Text.Json;
using Hostnet.NetBench.Results;

namespace Hostnet.NetBench.Rendering;

/// <summary>
/// The report as JSON: <c>{"rows": [{"mode", "gbps": {"median","min","max"}, "parallelGbps", "latencyP50Ms",
/// "latencyP99Ms", "cpuPerGbps", "ratioToHost"}], "engine", "kernel", "cpus", "pinned", "pinnedCpus", …}</c>. Every measure has the same
/// median/min/max shape; <c>ratioToHost</c> holds the ratio of each measure's median to the baseline's.
/// </summary>
internal static class BenchJsonWriter
{
    public static string Render(BenchReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            var baseline = report.Baseline;
            json.WriteStartObject();
            json.WriteStartArray("rows");
            foreach (var row in report.Rows)
            {
                json.WriteStartObject();
                json.WriteString("mode", row.Mode);
                WriteSpread(json, "gbps", row.Gbps);
                WriteSpread(json, "parallelGbps", row.ParallelGbps);
                WriteSpread(json, "latencyP50Ms", row.LatencyP50Ms);
                WriteSpread(json, "latencyP99Ms", row.LatencyP99Ms);
                WriteSpread(json, "cpuPerGbps", row.CpuPerGbps);
                json.WriteStartObject("ratioToHost");
                WriteRatio(json, "gbps", row.Gbps, baseline.Gbps);
                if (row.ParallelGbps is { } wide && baseline.ParallelGbps is { } baseWide)
                {
                    WriteRatio(json, "parallelGbps", wide, baseWide);
                }

                WriteRatio(json, "latencyP50Ms", row.LatencyP50Ms, baseline.LatencyP50Ms);
                WriteRatio(json, "latencyP99Ms", row.LatencyP99Ms, baseline.LatencyP99Ms);
                WriteRatio(json, "cpuPerGbps", row.CpuPerGbps, baseline.CpuPerGbps);
                json.WriteEndObject();
                json.WriteBoolean("gbpsWithinNoise", row.Gbps.Overlaps(baseline.Gbps));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("baseline", baseline.Mode);
            json.WriteString("engine", report.Engine);
            json.WriteString("kernel", report.Kernel);
            json.WriteNumber("cpus", report.Cpus);
            json.WriteBoolean("pinned", report.Pinning is not null);
            if (report.Pinning is { } pinning)
            {
                json.WriteStartObject("pinnedCpus");
                json.WriteNumber("receiver", pinning.Receiver);
                json.WriteNumber("sender", pinning.Sender);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("pinnedCpus");
            }

            json.WriteNumber("durationSeconds", report.Duration.TotalSeconds);
            json.WriteNumber("repeat", report.Repeat);
            json.WriteNumber("streams", report.Streams);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteSpread(Utf8JsonWriter json, string name, Spread? spread)
    {
        if (spread is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumber("median", Round(spread.Median));
        json.WriteNumber("min", Round(spread.Min));
        json.WriteNumber("max", Round(spread.Max));
        json.WriteEndObject();
    }

    // JSON has no NaN: a baseline median of zero gives no ratio.
    private static void WriteRatio(Utf8JsonWriter json, string name, Spread value, Spread baseline)
    {
        var ratio = BenchReport.Ratio(value, baseline);
        if (double.IsFinite(ratio))
        {
            json.WriteNumber(name, Round(ratio));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static double Round(double value) => Math.Round(value, 4);
}
