using System.Runtime.InteropServices;
using Hostnet.Core.Documents;

namespace Hostnet.Core.Loading;

/// <summary>
/// The children of the collections being built, on two shared stacks: a collection's children start at the count
/// it noted when it began (nested ones push and pop above that mark) and are copied into an exact-size array when
/// it ends, so a tree holds no list slack. Also where duplicate keys are found, for both tree builders.
/// </summary>
internal sealed class NodeStacks
{
    private readonly List<MappingEntry> _entries = [];
    private readonly List<InlineNode> _items = [];

    public int EntryCount => _entries.Count;

    public int ItemCount => _items.Count;

    public void AddItem(SourceNode item) => _items.Add(new InlineNode(item));

    /// <summary>A scalar item, kept inline: no node is made for it.</summary>
    public void AddItem(ScalarView item) => _items.Add(new InlineNode(item));

    /// <summary>The sequence of the items from <paramref name="start"/> on, which are removed from the stack.</summary>
    public SourceSequence PopSequence(SourcePosition position, int start)
    {
        var sequence = SourceSequence.FromItems(position, CollectionsMarshal.AsSpan(_items)[start..]);
        _items.RemoveRange(start, _items.Count - start);
        return sequence;
    }

    /// <summary>The entries from <paramref name="start"/> on, removed from the stack.</summary>
    public MappingEntry[] PopEntries(int start)
    {
        var count = _entries.Count - start;
        var entries = count == 0 ? [] : new MappingEntry[count];
        _entries.CopyTo(start, entries, 0, count);
        _entries.RemoveRange(start, count);
        return entries;
    }

    /// <summary>Where the mapping being built (its entries start at <paramref name="start"/>) first set <paramref name="key"/>.</summary>
    /// <param name="start">Where the mapping's entries start on the stack.</param>
    /// <param name="key">The key about to be added.</param>
    /// <param name="seen">The mapping's key index, made here once the mapping outgrows a scan; null before.</param>
    public SourcePosition? FirstKey(int start, string key, ref Dictionary<string, SourcePosition>? seen)
    {
        // The bound of a finished mapping's own lookups: below it a scan costs less than a dictionary.
        if (seen is null && _entries.Count - start > SourceMapping.LinearSearchLimit)
        {
            seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
            for (var i = start; i < _entries.Count; i++)
            {
                seen.TryAdd(_entries[i].Key, _entries[i].KeyPosition);
            }
        }

        if (seen is not null)
        {
            return seen.TryGetValue(key, out var position) ? position : null;
        }

        for (var i = start; i < _entries.Count; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                return _entries[i].KeyPosition;
            }
        }

        return null;
    }

    public void AddEntry(MappingEntry entry, Dictionary<string, SourcePosition>? seen)
    {
        _entries.Add(entry);
        seen?.Add(entry.Key, entry.KeyPosition);
    }

    /// <summary>Empties both stacks (after a builder gave up half-way).</summary>
    public void Clear()
    {
        _entries.Clear();
        _items.Clear();
    }
}
