using System.Globalization;

namespace Hostnet.Bench.Measurement;

/// <summary>The peak resident set of this process (VmHWM in /proc/self/status), which is what a container limit meets.</summary>
internal static class PeakMemory
{
    public static long? Kilobytes()
    {
        const string Path = "/proc/self/status";
        if (!File.Exists(Path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(Path))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var digits = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(digits, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
