using System.Runtime;
using System.Runtime.InteropServices;

namespace Hostnet.Bench.Measurement;

/// <summary>The facts a reader needs to compare our figures with theirs.</summary>
internal static class Machine
{
    public static IEnumerable<(string Name, string Value)> Facts()
    {
        yield return ("date (UTC)", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        yield return ("cores (Environment.ProcessorCount)", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("CPU", ProcField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString());
        yield return ("memory", ProcField("/proc/meminfo", "MemTotal") is { } total ? Gibibytes(total) : "unknown");
        yield return ("OS", (OsRelease() ?? RuntimeInformation.OSDescription) + (File.Exists(KernelRelease) ? ", Linux " + File.ReadAllText(KernelRelease).Trim() : string.Empty));
        yield return (".NET (Environment.Version)", Environment.Version + " — " + RuntimeInformation.FrameworkDescription);
        yield return ("GC", (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? ", non-concurrent" : ", concurrent"));
        yield return ("load average at start", LoadAverage());
    }

    private const string KernelRelease = "/proc/sys/kernel/osrelease";

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? ProcField(string path, string field)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ReadLines(path)
            .Where(l => l.StartsWith(field, StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
    }

    private static string Gibibytes(string meminfo) =>
        (long.Parse(meminfo.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / (1024.0 * 1024.0)).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " GiB";

    private static string? OsRelease()
    {
        const string Path = "/etc/os-release";
        return File.Exists(Path)
            ? File.ReadLines(Path).Where(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal)).Select(l => l["PRETTY_NAME=".Length..].Trim('"')).FirstOrDefault()
            : null;
    }
}
