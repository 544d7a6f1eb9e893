using System.Text;
using System.Text.Json;

namespace Hostnet.NetBench.Results;

/// <summary>One <see cref="Sample"/> as a JSON line: how a client in a namespace hands its run to the bench.</summary>
internal static class SampleJson
{
    public static string Write(Sample sample)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("gbps", sample.Gbps);
            if (sample.ParallelGbps is { } parallel)
            {
                json.WriteNumber("parallelGbps", parallel);
            }
            else
            {
                json.WriteNull("parallelGbps");
            }

            json.WriteNumber("latencyP50Ms", sample.LatencyP50Ms);
            json.WriteNumber("latencyP99Ms", sample.LatencyP99Ms);
            json.WriteNumber("cpuPerGbps", sample.CpuPerGbps);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static Sample Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var parallel = root.GetProperty("parallelGbps");
        return new Sample(
            root.GetProperty("gbps").GetDouble(),
            parallel.ValueKind == JsonValueKind.Null ? null : parallel.GetDouble(),
            root.GetProperty("latencyP50Ms").GetDouble(),
            root.GetProperty("latencyP99Ms").GetDouble(),
            root.GetProperty("cpuPerGbps").GetDouble());
    }
}
