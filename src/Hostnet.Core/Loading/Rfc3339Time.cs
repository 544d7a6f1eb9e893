using System.Globalization;

namespace Hostnet.Core.Loading;

/// <summary>
/// Reads a time as Kubernetes writes it in an object's status (<c>2026-12-05T21:46:00Z</c>, RFC 3339 in UTC to the
/// second) without the general parser, which costs about as much as the rest of a container's status; any other
/// form goes to <see cref="DateTimeOffset.TryParse(string?, IFormatProvider?, DateTimeStyles, out DateTimeOffset)"/>
/// as before, so what is read does not change.
/// </summary>
internal static class Rfc3339Time
{
    public static DateTimeOffset? Parse(string? text)
    {
        if (text is { Length: 20 } && TryParseUtcSeconds(text, out var time))
        {
            return time;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
    }

    /// <summary><c>yyyy-MM-ddTHH:mm:ssZ</c> with every field in range; anything else is left to the general parser.</summary>
    private static bool TryParseUtcSeconds(string text, out DateTimeOffset time)
    {
        time = default;
        if (text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z'
            || !TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day)
            || !TryDigits(text, 11, 2, out var hour) || !TryDigits(text, 14, 2, out var minute) || !TryDigits(text, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(string text, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
