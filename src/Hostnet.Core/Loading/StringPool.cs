namespace Hostnet.Core.Loading;

/// <summary>
/// Lets equal scalar texts share one string. Manifests repeat the same keys and values (<c>name</c>, <c>TCP</c>,
/// label values) hundreds of thousands of times in a large input, and every node tree stays alive until the rules
/// have run, so sharing them halves what a tree keeps and what the garbage collector has to trace.
/// Thread-safe: each thread shares through a table of its own, without locks or a concurrent dictionary (whose
/// lookup, with a randomised hash of every scalar, was a tenth of the parsing time); a text read on two threads
/// may be kept twice, which costs little with the few threads a load uses. Bounded in length, and in entry count over
/// all threads together (counted on insert only, so lookups stay lock-free), so a long-lived loader cannot grow
/// without limit however many threads it runs on.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The ThreadLocal holds only managed tables, which its finalizer releases with the pool; a loader has no end to dispose at.")]
internal sealed class StringPool
{
    private const int MaxLength = 128;
    private const int DefaultMaxEntries = 200_000;

    private readonly ThreadLocal<Dictionary<string, string>> _tables = new(() => new Dictionary<string, string>(StringComparer.Ordinal));
    private readonly int _maxEntries;
    private int _count;

    public StringPool()
        : this(DefaultMaxEntries)
    {
    }

    internal StringPool(int maxEntries)
    {
        _maxEntries = maxEntries;
    }

    /// <summary>
    /// A pool that shares nothing, for one small document: there, building the dictionary costs more than the few
    /// repeated texts it would save (the webhook loads one object a request).
    /// </summary>
    public static StringPool None { get; } = new(0);

    /// <summary>The shared string equal to <paramref name="value"/>, allocated only when it is not shared yet.</summary>
    public string Share(ReadOnlySpan<char> value)
    {
        if (_maxEntries == 0 || value.Length > MaxLength)
        {
            return value.ToString();
        }

        var table = _tables.Value!;
        var spans = table.GetAlternateLookup<ReadOnlySpan<char>>();
        if (spans.TryGetValue(value, out var shared))
        {
            return shared;
        }

        var text = value.ToString();
        Keep(table, text);
        return text;
    }

    public string Share(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_maxEntries == 0 || value.Length > MaxLength)
        {
            return value;
        }

        var table = _tables.Value!;
        if (table.TryGetValue(value, out var shared))
        {
            return shared;
        }

        Keep(table, value);
        return value;
    }

    private void Keep(Dictionary<string, string> table, string text)
    {
        if (Volatile.Read(ref _count) < _maxEntries)
        {
            table.Add(text, text);
            Interlocked.Increment(ref _count);
        }
    }
}
