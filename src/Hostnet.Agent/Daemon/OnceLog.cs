namespace Hostnet.Agent.Daemon;

/// <summary>
/// Writes each distinct line once: a failure that repeats with every retry (a 403, an unreachable API server) is
/// said when it first happens, not every backoff period.
/// </summary>
public sealed class OnceLog(TextWriter log)
{
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);

    public void Write(string line)
    {
        lock (_written)
        {
            if (!_written.Add(line))
            {
                return;
            }
        }

        log.WriteLine(line);
    }
}
