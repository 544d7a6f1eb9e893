using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Hostnet.Core.Loading;

/// <summary>
/// Field paths repeat across objects (<c>spec.template.spec.containers[0].ports[1]</c>) and every model element keeps
/// its own, so equal paths share one string: a memo of <c>path.list[index]</c> and <c>path.field</c>, which stops
/// growing near its capacity (the unsynchronised count can overshoot by the number of concurrent readers) and then
/// builds each path it has not kept anew. A hit and a miss return equal text, so no caller can observe whether the
/// memo was used, which run filled it or in what order.
/// </summary>
/// <remarks>
/// Keyed by the identity of the parent path and the field name, not their text: hashing both texts (Marvin) on every
/// lookup took 0.8 % of a full-size audit's CPU, twice what the identity key takes. The readers pass field names as
/// literals and parent paths as this memo returned them, so a path is found again from the same strings; a parent of
/// equal text but another identity (one built when the memo was full) only misses, and its child is built anew, equal
/// to the one it would have found. When two readers add the same path at once, both get the first one added, so that
/// the paths below it are keyed by one string.
/// </remarks>
internal sealed class PathCache(int capacity)
{
    private readonly ConcurrentDictionary<Key, string> _paths = new();
    private int _count;

    /// <summary>
    /// The path of a list item: <c>path.list[index]</c>. Shared only when <paramref name="path"/> is a literal or a path
    /// this memo returned and <paramref name="list"/> a literal: any other string still gets the right text, built anew
    /// each time, and fills the memo with entries no one finds again.
    /// </summary>
    public string Index(string path, string list, int index) =>
        Shared(path, list, index, static (p, l, i) => string.Create(CultureInfo.InvariantCulture, $"{p}.{l}[{i}]"));

    /// <summary>The path of a field: <c>path.field</c>, shared on the terms of <see cref="Index"/>.</summary>
    public string Join(string path, string field) =>
        Shared(path, field, -1, static (p, f, _) => p + "." + f);

    private string Shared(string path, string child, int index, Func<string, string, int, string> create)
    {
        var key = new Key(path, child, index);
        if (_paths.TryGetValue(key, out var shared))
        {
            return shared;
        }

        var created = create(path, child, index);
        if (_count >= capacity)
        {
            return created;
        }

        if (_paths.TryAdd(key, created))
        {
            Interlocked.Increment(ref _count);
            return created;
        }

        return _paths.TryGetValue(key, out shared) ? shared : created;
    }

    /// <summary>A parent path, a field or list name and an item index (-1 for a field), compared by the strings' identity.</summary>
    private readonly struct Key(string path, string child, int index) : IEquatable<Key>
    {
        private readonly string _path = path;
        private readonly string _child = child;
        private readonly int _index = index;

        public bool Equals(Key other) => ReferenceEquals(_path, other._path) && ReferenceEquals(_child, other._child) && _index == other._index;

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(_path), RuntimeHelpers.GetHashCode(_child), _index);
    }
}
