using System.Globalization;

namespace Hostnet.Bench.Measurement;

/// <summary>The peak resident set of this process (VmHWM in /proc/self/status), which is what a container limit meets.</summary>
internal static class PeakMemory
{
    /// <summary>Starts the peak afresh from the current resident set (Linux: writing 5 to /proc/self/clear_refs).</summary>
    public static void Reset()
    {
        const string ClearRefs = "/proc/self/clear_refs";
        try
        {
            File.WriteAllText(ClearRefs, "5");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the peak then covers the whole process.
        }
    }

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
