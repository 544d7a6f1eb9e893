using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Hostnet.Core.Loading;

/// <summary>
/// A small read-only string map (labels, selectors, annotations) kept as one array of keys and values, found by a
/// scan: less than half the memory of a dictionary at the sizes manifests use, and every object's maps stay alive
/// for the whole run. Enumerates in insertion order, as the dictionary it replaces did. Keys are unique.
/// </summary>
internal sealed class CompactStringMap(string[] keysAndValues) : IReadOnlyDictionary<string, string>
{
    /// <summary>Above this many entries a dictionary is used instead, so lookups stay constant-time.</summary>
    public const int MaxEntries = 8;

    public int Count => keysAndValues.Length / 2;

    public IEnumerable<string> Keys => Enumerable.Range(0, Count).Select(i => keysAndValues[2 * i]);

    public IEnumerable<string> Values => Enumerable.Range(0, Count).Select(i => keysAndValues[(2 * i) + 1]);

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The given key '{key}' was not present in the dictionary.");

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? keysAndValues[index + 1] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < keysAndValues.Length; i += 2)
        {
            yield return new(keysAndValues[i], keysAndValues[i + 1]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < keysAndValues.Length; i += 2)
        {
            if (string.Equals(keysAndValues[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
