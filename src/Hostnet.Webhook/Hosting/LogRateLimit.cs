namespace Hostnet.Webhook.Hosting;

/// <summary>
/// At most <paramref name="linesPerSecond"/> log lines of one kind each second: a flood of bad or slow requests must
/// not turn into a flood of log (issue 15: 130 MB in 60 s). The lines dropped are counted and reported by the next
/// line let through.
/// </summary>
internal sealed class LogRateLimit(int linesPerSecond, TimeProvider time)
{
    private readonly Lock _lock = new();
    private long _second = long.MinValue;
    private int _taken;
    private long _dropped;

    /// <summary>Whether a line may be written now; <paramref name="dropped"/> says how many were dropped since the last one.</summary>
    public bool TryTake(out long dropped)
    {
        var second = time.GetUtcNow().ToUnixTimeSeconds();
        lock (_lock)
        {
            if (second != _second)
            {
                _second = second;
                _taken = 0;
            }

            if (_taken >= linesPerSecond)
            {
                _dropped++;
                dropped = 0;
                return false;
            }

            _taken++;
            dropped = _dropped;
            _dropped = 0;
            return true;
        }
    }
}
