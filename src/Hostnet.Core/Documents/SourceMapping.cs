namespace Hostnet.Core.Documents;

/// <summary>A YAML mapping or JSON object whose keys are scalars, in document order.</summary>
public sealed class SourceMapping : SourceNode
{
    // A dictionary per mapping is about 450 bytes and three objects, kept alive with the tree: a scan of up to 16
    // entries (string comparisons that mostly stop at the length) costs less than what it keeps.
    internal const int LinearSearchLimit = 16;

    // Written after construction only by ShiftInline, which moves the keys and scalar values in place.
    private readonly MappingEntry[] _entries;
    private readonly Dictionary<string, int>? _index;

    /// <param name="position">Where the mapping starts.</param>
    /// <param name="entries">The entries in document order; the mapping keeps the array (the loader makes one of exact size per mapping).</param>
    public SourceMapping(SourcePosition position, MappingEntry[] entries)
        : base(position)
    {
        _entries = entries;
        if (entries.Length > LinearSearchLimit)
        {
            _index = new Dictionary<string, int>(entries.Length, StringComparer.Ordinal);
            for (var i = 0; i < entries.Length; i++)
            {
                _index.TryAdd(entries[i].Key, i);
            }
        }
    }

    /// <summary>The entries in document order; a <c>foreach</c> over them allocates nothing.</summary>
    public ReadOnlySpan<MappingEntry> Entries => _entries;

    public int Count => _entries.Length;

    public override string TypeName => "object";

    /// <summary>The value of <paramref name="key"/> as a node (a scalar is made anew: see <see cref="MappingEntry.Value"/>).</summary>
    public SourceNode? this[string key] => TryGetEntry(key, out var entry) ? entry.Value : null;

    public bool TryGetEntry(string key, out MappingEntry entry)
    {
        if (_index is not null)
        {
            var found = _index.TryGetValue(key, out var i);
            entry = found ? _entries[i] : default;
            return found;
        }

        foreach (var candidate in _entries)
        {
            if (string.Equals(candidate.Key, key, StringComparison.Ordinal))
            {
                entry = candidate;
                return true;
            }
        }

        entry = default;
        return false;
    }

    /// <summary>The value of <paramref name="key"/> when it is a scalar, without making a node.</summary>
    public bool TryGetScalar(string key, out ScalarView scalar)
    {
        if (TryGetEntry(key, out var entry))
        {
            return entry.TryGetScalar(out scalar);
        }

        scalar = default;
        return false;
    }

    /// <summary>
    /// Moves every key and scalar value <paramref name="lines"/> lines down (up when negative); the collection values
    /// are nodes of their own.
    /// </summary>
    internal void ShiftInline(int lines)
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            _entries[i] = _entries[i].WithInlineShiftedBy(lines);
        }
    }
}
