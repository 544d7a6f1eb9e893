namespace Hostnet.Webhook.Hosting;

/// <summary>
/// Log lines' timestamps, formatted once per millisecond and format for all threads: lines logged in the same
/// millisecond (tens of them at saturation, from several threads) share the text instead of each thread parsing the
/// custom format again. Formats that may be finer than the millisecond (<c>ffff</c> and beyond, and the standard
/// one-letter formats such as <c>o</c>) are formatted every time.
/// </summary>
internal sealed class LogTimestamp
{
    private Formatted? _last;

    /// <summary><paramref name="time"/> in <paramref name="format"/>, as <see cref="DateTimeOffset.ToString(string)"/> writes it (the JSON console formatter's call).</summary>
    public string Format(DateTimeOffset time, string format)
    {
        var last = Volatile.Read(ref _last);
        var millisecond = time.UtcTicks / TimeSpan.TicksPerMillisecond;
        if (last is not null && ReferenceEquals(last.Format, format) && last.Millisecond == millisecond && last.Offset == time.Offset)
        {
            return last.Text;
        }

        var text = time.ToString(format);
        if (!(format.Length < 2 || format.Contains("ffff", StringComparison.OrdinalIgnoreCase)))
        {
            // Whichever thread formats last is kept; a thread that read the clock a moment earlier only formats again.
            Volatile.Write(ref _last, new Formatted(format, millisecond, time.Offset, text));
        }

        return text;
    }

    /// <summary>One formatted timestamp, published whole to the other threads.</summary>
    private sealed record Formatted(string Format, long Millisecond, TimeSpan Offset, string Text);
}
