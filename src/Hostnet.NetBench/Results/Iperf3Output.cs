using System.Text.Json;

namespace Hostnet.NetBench.Results;

/// <summary>
/// What <c>iperf3 -c … -J</c> reports at the end of a TCP test: the rate the server received
/// (<c>end.sum_received.bits_per_second</c>) and the CPU use of each end in percent of one core
/// (<c>end.cpu_utilization_percent.host_total</c>, <c>remote_total</c>, from getrusage).
/// </summary>
internal sealed record Iperf3Output(double ReceivedBitsPerSecond, double HostCpuPercent, double RemoteCpuPercent)
{
    public double Gbps => ReceivedBitsPerSecond / 1e9;

    public double CpuCores => (HostCpuPercent + RemoteCpuPercent) / 100;

    /// <summary>Parses iperf3's JSON; a run that failed (iperf3's <c>error</c> member) or malformed text is an error.</summary>
    public static Iperf3Output Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            throw new FormatException($"iperf3: {error.GetString()}");
        }

        var end = Member(root, "end");
        var cpu = Member(end, "cpu_utilization_percent");
        return new Iperf3Output(
            Member(Member(end, "sum_received"), "bits_per_second").GetDouble(),
            Member(cpu, "host_total").GetDouble(),
            Member(cpu, "remote_total").GetDouble());
    }

    private static JsonElement Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new FormatException($"iperf3 output has no '{name}'");
}
