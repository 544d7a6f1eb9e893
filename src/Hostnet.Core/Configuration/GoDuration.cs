using System.Globalization;

namespace Hostnet.Core.Configuration;

/// <summary>
/// The durations hostnet's options take, in one grammar: Go's <c>time.ParseDuration</c> (Go <c>src/time/format.go</c>:
/// <c>[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+</c> with units ns, us, µs, ms, s, m, h, or a bare <c>0</c>) after a bare number
/// of seconds. Two readings of it, each mirroring its own upstream:
/// <list type="bullet">
/// <item><see cref="ParseTimeout"/>: kubectl's <c>--request-timeout</c> (and <c>agent --grace</c>), client-go
/// <c>tools/clientcmd/helpers.go</c> <c>ParseTimeout</c> (v1.35): a whole number of seconds, else a Go duration; 0 is
/// no timeout.</item>
/// <item><see cref="ParseRunTime"/>: <c>bench --duration</c>, the time one test runs as iperf3's <c>--time</c> counts it
/// (seconds, here also fractional) or a Go duration; it must be longer than zero.</item>
/// </list>
/// </summary>
public static class GoDuration
{
    /// <summary>client-go's message for a timeout it cannot parse (its capital letter and all).</summary>
    public const string InvalidTimeoutMessage = "Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)";

    private static readonly (string Unit, double Ticks)[] Units =
    [
        ("ns", 0.01), ("us", 10), ("µs", 10), ("μs", 10), ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond), ("m", TimeSpan.TicksPerMinute), ("h", TimeSpan.TicksPerHour),
    ];

    /// <summary>
    /// A timeout as kubectl takes it: <see cref="Timeout.InfiniteTimeSpan"/> for 0 (no timeout); null when kubectl would
    /// refuse it, or when it is negative, which Go accepts but which would time every request out at once.
    /// </summary>
    public static TimeSpan? ParseTimeout(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds < 0 || seconds > TimeSpan.MaxValue.TotalSeconds ? null
                : seconds == 0 ? Timeout.InfiniteTimeSpan
                : TimeSpan.FromSeconds(seconds);
        }

        return Parse(text) is { } duration && duration >= TimeSpan.Zero
            ? duration == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : duration
            : null;
    }

    /// <summary>How long something runs: <c>10s</c>, <c>500ms</c>, <c>2m</c>, or plain (possibly fractional) seconds; null unless longer than zero.</summary>
    public static TimeSpan? ParseRunTime(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var duration = double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            ? seconds < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(seconds) : null
            : Parse(text);
        return duration > TimeSpan.Zero ? duration : null;
    }

    /// <summary>The shortest of <c>10s</c> or <c>500ms</c> that <see cref="ParseRunTime"/> reads back as the same duration.</summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalMilliseconds % 1000 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0}s")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0}ms");

    /// <summary>Go's <c>time.ParseDuration</c>, or null where it returns an error.</summary>
    private static TimeSpan? Parse(string text)
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
