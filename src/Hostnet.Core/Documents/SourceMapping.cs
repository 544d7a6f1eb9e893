using System.Runtime.CompilerServices;

namespace Hostnet.Core.Documents;

/// <summary>A YAML mapping or JSON object whose keys are scalars, in document order.</summary>
public sealed class SourceMapping : SourceNode
{
    // A dictionary per mapping is about 450 bytes and three objects, kept alive with the tree: a scan of up to 16
    // entries (string comparisons that mostly stop at the length) costs less than what it keeps.
    internal const int LinearSearchLimit = 16;

    // The entries (their MappingEntry[]), or above LinearSearchLimit entries an IndexedEntries with the array and a
    // key index: one field instead of two, 8 bytes less in each of the million mappings of a large check.
    // The array is written after construction only by ShiftInline, which moves the keys and scalar values in place.
    private readonly object _entries;

    /// <param name="position">Where the mapping starts.</param>
    /// <param name="entries">The entries in document order; the mapping keeps the array (the loader makes one of exact size per mapping).</param>
    public SourceMapping(SourcePosition position, MappingEntry[] entries)
        : base(position)
    {
        _entries = entries.Length > LinearSearchLimit ? new IndexedEntries(entries) : entries;
    }

    /// <summary>The entries in document order; a <c>foreach</c> over them allocates nothing.</summary>
    public ReadOnlySpan<MappingEntry> Entries => EntryArray;

    public int Count => EntryArray.Length;

    public override string TypeName => "object";

    // The constructor stores a MappingEntry[] or an IndexedEntries: a sealed-class test and Unsafe.As read it, where an
    // array cast goes through the runtime's cast helper on every read.
    private MappingEntry[] EntryArray => _entries is IndexedEntries indexed ? indexed.Entries : Unsafe.As<MappingEntry[]>(_entries);

    /// <summary>The value of <paramref name="key"/> as a node (a scalar is made anew: see <see cref="MappingEntry.Value"/>).</summary>
    public SourceNode? this[string key] => TryGetEntry(key, out var entry) ? entry.Value : null;

    public bool TryGetEntry(string key, out MappingEntry entry)
    {
        if (_entries is IndexedEntries indexed)
        {
            var found = indexed.Index.TryGetValue(key, out var i);
            entry = found ? indexed.Entries[i] : default;
            return found;
        }

        foreach (var candidate in Unsafe.As<MappingEntry[]>(_entries))
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
        var entries = EntryArray;
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = entries[i].WithInlineShiftedBy(lines);
        }
    }

    /// <summary>The entries of a mapping too large to scan, with the index of their keys (a duplicate key: its first entry).</summary>
    private sealed class IndexedEntries
    {
        public IndexedEntries(MappingEntry[] entries)
        {
            Entries = entries;
            Index = new Dictionary<string, int>(entries.Length, StringComparer.Ordinal);
            for (var i = 0; i < entries.Length; i++)
            {
                Index.TryAdd(entries[i].Key, i);
            }
        }

        public MappingEntry[] Entries { get; }

        public Dictionary<string, int> Index { get; }
    }
}
