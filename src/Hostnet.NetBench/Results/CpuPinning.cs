using System.Globalization;

namespace Hostnet.NetBench.Results;

/// <summary>
/// Where a local bench runs its engines: every receiver (the server, and the <c>iperf3 -s</c> it starts) on one CPU,
/// every sender (the client) on another, as <c>iperf3 -A</c> pins them. Left to the scheduler, sender and receiver
/// often share a CPU for part of a run and not for another, which makes the spread and the two engines' disagreement
/// (docs/bench.md, "CPU pinning").
/// </summary>
internal sealed record CpuPinning(int Receiver, int Sender)
{
    /// <summary>The first two CPUs this process may run on; null with fewer than two (nothing to separate).</summary>
    public static CpuPinning? Choose() => Choose(File.ReadLines("/proc/self/status"));

    /// <param name="status">The lines of <c>/proc/self/status</c>, whose <c>Cpus_allowed_list</c> (<c>0-3,8</c>) is read.</param>
    public static CpuPinning? Choose(IEnumerable<string> status)
    {
        var allowed = status.FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal));
        var cpus = allowed is null ? [] : CpuList(allowed["Cpus_allowed_list:".Length..]).Take(2).ToArray();
        return cpus.Length == 2 ? new CpuPinning(cpus[0], cpus[1]) : null;
    }

    /// <summary>The CPUs of a kernel CPU list (<c>0-3,8</c>), in order.</summary>
    public static IEnumerable<int> CpuList(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).SelectMany(part =>
        {
            var bounds = part.Split('-');
            var first = int.Parse(bounds[0], CultureInfo.InvariantCulture);
            var last = bounds.Length > 1 ? int.Parse(bounds[1], CultureInfo.InvariantCulture) : first;
            return Enumerable.Range(first, last - first + 1);
        });
}
