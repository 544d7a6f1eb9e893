using System.Collections.Concurrent;

namespace Hostnet.Core.Loading;

/// <summary>
/// Lets equal scalar texts share one string. Manifests repeat the same keys and values (<c>name</c>, <c>TCP</c>,
/// label values) hundreds of thousands of times in a large input, and every node tree stays alive until the rules
/// have run, so sharing them halves what a tree keeps and what the garbage collector has to trace.
/// Thread-safe; bounded in entry count and length so a long-lived loader cannot grow without limit.
/// </summary>
internal sealed class StringPool
{
    private const int MaxLength = 128;
    private const int DefaultMaxEntries = 200_000;

    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _spans;
    private int _count;

    private readonly int _maxEntries;

    public StringPool()
        : this(DefaultMaxEntries)
    {
    }

    private StringPool(int maxEntries)
    {
        _maxEntries = maxEntries;
        _spans = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// A pool that shares nothing, for one small document: there, building the dictionary costs more than the few
    /// repeated texts it would save (the webhook loads one object a request).
    /// </summary>
    public static StringPool None { get; } = new(0);

    /// <summary>The shared string equal to <paramref name="value"/>, allocated only when it is not shared yet.</summary>
    public string Share(ReadOnlySpan<char> value)
    {
        if (value.Length <= MaxLength && _spans.TryGetValue(value, out var shared))
        {
            return shared;
        }

        return Share(value.ToString());
    }

    public string Share(string value)
    {
        if (value.Length > MaxLength)
        {
            return value;
        }

        if (_strings.TryGetValue(value, out var shared))
        {
            return shared;
        }

        if (_count < _maxEntries && _strings.TryAdd(value, value))
        {
            Interlocked.Increment(ref _count);
        }

        return value;
    }
}
