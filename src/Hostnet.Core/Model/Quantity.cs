using System.Globalization;

namespace Hostnet.Core.Model;

/// <summary>
/// A Kubernetes resource quantity (<c>100m</c>, <c>1.5</c>, <c>64Mi</c>, <c>1e3</c>, <c>2G</c>). Mirrors
/// k8s.io/apimachinery/pkg/api/resource (ParseQuantity, Value and MilliValue, which round up).
/// </summary>
internal static class Quantity
{
    private static readonly (string Suffix, decimal Factor)[] Suffixes =
    [
        ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024),
        ("Pi", 1024m * 1024 * 1024 * 1024 * 1024), ("Ei", 1024m * 1024 * 1024 * 1024 * 1024 * 1024),
        ("n", 0.000000001m), ("u", 0.000001m), ("m", 0.001m), ("k", 1e3m), ("M", 1e6m), ("G", 1e9m), ("T", 1e12m),
        ("P", 1e15m), ("E", 1e18m),
    ];

    /// <summary>Parses a quantity; false when the text is not one.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var factor = 1m;
        foreach (var (suffix, suffixFactor) in Suffixes)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal) && text.Length > suffix.Length && IsNumberEnd(text[^(suffix.Length + 1)]))
            {
                factor = suffixFactor;
                text = text[..^suffix.Length];
                break;
            }
        }

        var styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (!decimal.TryParse(text, styles, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        try
        {
            value = number * factor;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>The quantity in thousandths, rounded up (CPU in millicores); 0 when absent or malformed.</summary>
    public static long MilliValue(string? text) => TryParse(text, out var value) ? ToLong(Math.Ceiling(value * 1000)) : 0;

    /// <summary>The quantity as a whole number, rounded up (memory in bytes); 0 when absent or malformed.</summary>
    public static long Value(string? text) => TryParse(text, out var value) ? ToLong(Math.Ceiling(value)) : 0;

    private static bool IsNumberEnd(char c) => char.IsAsciiDigit(c) || c == '.';

    private static long ToLong(decimal value) => value >= long.MaxValue ? long.MaxValue : value <= long.MinValue ? long.MinValue : (long)value;
}
