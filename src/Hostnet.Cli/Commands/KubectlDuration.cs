using System.Globalization;

namespace Hostnet.Cli.Commands;

/// <summary>
/// Parses <c>--request-timeout</c> as kubectl does: a whole number of seconds (<c>30</c>; <c>0</c> for no timeout) or a
/// Go duration (<c>5s</c>, <c>1m</c>, <c>1h30m</c>, <c>500ms</c>, <c>1.5s</c>). Mirrors <c>ParseTimeout</c> of
/// client-go <c>tools/clientcmd/helpers.go</c> (v1.35), which tries <c>strconv.ParseInt</c> and then
/// <c>time.ParseDuration</c> (Go <c>src/time/format.go</c>: units ns, us, µs, ms, s, m, h; a sign; fractions).
/// A negative duration, which Go accepts, is refused here: it would time every request out at once.
/// </summary>
internal static class KubectlDuration
{
    /// <summary>client-go's message for a value it cannot parse (its capital letter and all).</summary>
    public const string InvalidMessage = "Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)";

    private static readonly (string Unit, double Ticks)[] Units =
    [
        ("ns", 0.01), ("us", 10), ("µs", 10), ("μs", 10), ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond), ("m", TimeSpan.TicksPerMinute), ("h", TimeSpan.TicksPerHour),
    ];

    /// <summary>The duration the text names; <see cref="Timeout.InfiniteTimeSpan"/> for 0 (no timeout); null when kubectl would refuse it or it is negative.</summary>
    public static TimeSpan? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds < 0 || seconds > TimeSpan.MaxValue.TotalSeconds ? null
                : seconds == 0 ? Timeout.InfiniteTimeSpan
                : TimeSpan.FromSeconds(seconds);
        }

        return ParseGoDuration(text) is { } duration && duration >= TimeSpan.Zero
            ? duration == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : duration
            : null;
    }

    /// <summary>Go's <c>time.ParseDuration</c>: <c>[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+</c>, or a bare <c>0</c>.</summary>
    private static TimeSpan? ParseGoDuration(string text)
    {
        var rest = text.AsSpan();
        var negative = false;
        if (rest.Length > 0 && rest[0] is '-' or '+')
        {
            negative = rest[0] == '-';
            rest = rest[1..];
        }

        if (rest.SequenceEqual("0"))
        {
            return TimeSpan.Zero;
        }

        if (rest.IsEmpty)
        {
            return null;
        }

        double ticks = 0;
        while (!rest.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < rest.Length && (char.IsAsciiDigit(rest[numberLength]) || rest[numberLength] == '.'))
            {
                numberLength++;
            }

            var number = rest[..numberLength];
            if (number.IsEmpty || number.SequenceEqual(".") || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            rest = rest[numberLength..];
            var unitLength = 0;
            while (unitLength < rest.Length && !char.IsAsciiDigit(rest[unitLength]) && rest[unitLength] != '.')
            {
                unitLength++;
            }

            var unit = rest[..unitLength].ToString();
            var scale = Array.Find(Units, u => u.Unit == unit).Ticks;
            if (scale == 0)
            {
                return null;
            }

            ticks += value * scale;
            rest = rest[unitLength..];
        }

        return ticks > TimeSpan.MaxValue.Ticks ? null : TimeSpan.FromTicks((long)(negative ? -ticks : ticks));
    }
}
