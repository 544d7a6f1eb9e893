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
    public SourcePosition? FirstKey(int start, string key, ref Dictionary<string, SourcePosition>? seen) =>
        FirstKeyIn(_entries, start, key, ref seen);

    /// <summary>
    /// Where the mapping whose entries start at <paramref name="start"/> of <paramref name="entries"/> first set
    /// <paramref name="key"/>: a scan while the mapping is small, then its key index, made here once and kept up by
    /// the caller (<c>seen?.Add</c> beside each entry it adds), so a mapping of a million keys costs a million lookups,
    /// not half a million million comparisons. Shared with the snapshot reader's own stack of entries.
    /// </summary>
    public static SourcePosition? FirstKeyIn(List<MappingEntry> entries, int start, string key, ref Dictionary<string, SourcePosition>? seen)
    {
        // The bound of a finished mapping's own lookups: below it a scan costs less than a dictionary.
        if (seen is null && entries.Count - start > SourceMapping.LinearSearchLimit)
        {
            seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
            for (var i = start; i < entries.Count; i++)
            {
                seen.TryAdd(entries[i].Key, entries[i].KeyPosition);
            }
        }

        if (seen is not null)
        {
            return seen.TryGetValue(key, out var position) ? position : null;
        }

        for (var i = start; i < entries.Count; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
            {
                return entries[i].KeyPosition;
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
