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

    private readonly ThreadLocal<Table> _tables = new(() => new Table());
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
    /// A pool that shares nothing, for one small document: there, building the table costs more than the few
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
        var hash = Hash(value);
        return table.Find(value, hash) ?? Keep(table, value.ToString(), hash);
    }

    public string Share(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_maxEntries == 0 || value.Length > MaxLength)
        {
            return value;
        }

        var table = _tables.Value!;
        var hash = Hash(value);
        return table.Find(value, hash) ?? Keep(table, value, hash);
    }

    private string Keep(Table table, string text, int hash)
    {
        if (Volatile.Read(ref _count) < _maxEntries)
        {
            table.Add(text, hash);
            Interlocked.Increment(ref _count);
        }

        return text;
    }

    /// <summary>FNV-1a over the characters: not randomised (a manifest's author gains nothing by colliding it), and quick on short texts.</summary>
    private static int Hash(ReadOnlySpan<char> text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash ^ (hash >> 15));
    }

    /// <summary>
    /// One thread's strings, in open addressing with linear probing, doubled when half full: a lookup is a hash, a
    /// probe or two and one comparison of characters. A <c>Dictionary</c> looked up by span reached its comparer
    /// through an interface and checked its type on every lookup, which made sharing a fifth of the parser's time.
    /// </summary>
    private sealed class Table
    {
        private Entry[] _entries = new Entry[1024];
        private int _count;

        public string? Find(ReadOnlySpan<char> value, int hash)
        {
            var entries = _entries;
            var mask = entries.Length - 1;
            for (var i = hash & mask; ; i = (i + 1) & mask)
            {
                var entry = entries[i];
                if (entry.Text is null)
                {
                    return null;
                }

                if (entry.Hash == hash && value.SequenceEqual(entry.Text))
                {
                    return entry.Text;
                }
            }
        }

        public void Add(string text, int hash)
        {
            if (2 * (_count + 1) > _entries.Length)
            {
                var old = _entries;
                _entries = new Entry[old.Length * 2];
                foreach (var entry in old)
                {
                    if (entry.Text is not null)
                    {
                        Insert(_entries, entry);
                    }
                }
            }

            Insert(_entries, new Entry(text, hash));
            _count++;
        }

        private static void Insert(Entry[] entries, Entry entry)
        {
            var mask = entries.Length - 1;
            var i = entry.Hash & mask;
            while (entries[i].Text is not null)
            {
                i = (i + 1) & mask;
            }

            entries[i] = entry;
        }
    }

    private readonly record struct Entry(string Text, int Hash);
}
