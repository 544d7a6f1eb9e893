namespace Hostnet.Core.Documents;

/// <summary>A YAML mapping or JSON object whose keys are scalars, in document order.</summary>
public sealed class SourceMapping : SourceNode
{
    // A dictionary per mapping is about 450 bytes and three objects, kept alive with the tree: a scan of up to 16
    // entries (string comparisons that mostly stop at the length) costs less than what it keeps.
    internal const int LinearSearchLimit = 16;
    private readonly Dictionary<string, int>? _index;

    public SourceMapping(SourcePosition position, IReadOnlyList<KeyValuePair<SourceScalar, SourceNode>> entries)
        : base(position)
    {
        Entries = entries;
        if (entries.Count > LinearSearchLimit)
        {
            _index = new Dictionary<string, int>(entries.Count, StringComparer.Ordinal);
            for (var i = 0; i < entries.Count; i++)
            {
                _index.TryAdd(entries[i].Key.Value, i);
            }
        }
    }

    public IReadOnlyList<KeyValuePair<SourceScalar, SourceNode>> Entries { get; }

    public override string TypeName => "object";

    public SourceNode? this[string key] => TryGetEntry(key, out var entry) ? entry.Value : null;

    public bool TryGetEntry(string key, out KeyValuePair<SourceScalar, SourceNode> entry)
    {
        if (_index is not null)
        {
            var found = _index.TryGetValue(key, out var i);
            entry = found ? Entries[i] : default;
            return found;
        }

        // By index: a foreach over the interface would allocate an enumerator for every lookup.
        var entries = Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            if (string.Equals(entries[i].Key.Value, key, StringComparison.Ordinal))
            {
                entry = entries[i];
                return true;
            }
        }

        entry = default;
        return false;
    }
}
