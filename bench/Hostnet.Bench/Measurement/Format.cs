using System.Globalization;

namespace Hostnet.Bench.Measurement;

/// <summary>Number formats for the report (invariant culture, thousands separators).</summary>
internal static class Format
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Milliseconds(double value) => value >= 10_000
        ? (value / 1000).ToString("F2", CultureInfo.InvariantCulture) + " s"
        : value.ToString(value >= 100 ? "F0" : "F1", CultureInfo.InvariantCulture) + " ms";

    public static string Ratio(double value) => value.ToString("F2", CultureInfo.InvariantCulture) + "×";

    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture) + " MiB";

    public static string Percent(double fraction) => (fraction * 100).ToString("F1", CultureInfo.InvariantCulture) + " %";

    public static string Fixed(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
