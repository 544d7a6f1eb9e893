namespace Hostnet.Webhook.Hosting;

/// <summary>
/// A log line's timestamp, formatted once per millisecond and format: lines logged in the same millisecond (tens of
/// them at saturation) share the text instead of each parsing the custom format again. Formats that may be finer
/// than the millisecond (<c>ffff</c> and beyond, and the standard one-letter formats such as <c>o</c>) are formatted
/// every time.
/// </summary>
internal sealed class LogTimestamp
{
    private readonly char[] _text = new char[64];
    private string? _format;
    private bool _finerThanMilliseconds;
    private long _millisecond = long.MinValue;
    private TimeSpan _offset;
    private int _length;

    /// <summary><paramref name="time"/> in <paramref name="format"/>, as <see cref="DateTimeOffset.ToString(string)"/> writes it (the JSON console formatter's call).</summary>
    public ReadOnlySpan<char> Format(DateTimeOffset time, string format)
    {
        if (!ReferenceEquals(format, _format))
        {
            _format = format;
            _finerThanMilliseconds = format.Length < 2 || format.Contains("ffff", StringComparison.OrdinalIgnoreCase);
            _millisecond = long.MinValue;
        }

        var millisecond = time.UtcTicks / TimeSpan.TicksPerMillisecond;
        if (millisecond == _millisecond && time.Offset == _offset && !_finerThanMilliseconds)
        {
            return _text.AsSpan(0, _length);
        }

        if (!time.TryFormat(_text, out _length, format))
        {
            // A format longer than the buffer (not the webhook's): not kept.
            _millisecond = long.MinValue;
            return time.ToString(format);
        }

        _millisecond = millisecond;
        _offset = time.Offset;
        return _text.AsSpan(0, _length);
    }
}
