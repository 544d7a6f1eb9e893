using System.Collections.Frozen;
using Hostnet.Core.Documents;
using Hostnet.Core.Model;

namespace Hostnet.Core.Loading;

/// <summary>
/// Lenient typed reads from the source tree: a value of the wrong type reads as absent, because the strict decoder
/// reports it (as HN000) with its position.
/// </summary>
internal static class Fields
{
    private static readonly IReadOnlyDictionary<string, string> NoEntries = FrozenDictionary<string, string>.Empty;

    /// <summary>The field paths of every model element, shared (see <see cref="PathCache"/>).</summary>
    /// <remarks>
    /// The one piece of static mutable state in the core, kept on purpose and safe: it is a memo of a pure function,
    /// so no caller can observe whether it was used; the loaders read in parallel, so it is thread-safe; and it stops
    /// growing near 20,000 paths, so a long-lived webhook or agent keeps at most a few megabytes. Instance state would
    /// have to be threaded through every <see cref="ObjectReader"/> call of every host for no observable difference.
    /// </remarks>
    private static readonly PathCache Paths = new(capacity: 20_000);

    public static SourceMapping? Map(SourceMapping? mapping, string key) => Map(Entry(mapping, key));

    public static IReadOnlyList<SourceNode> List(SourceMapping? mapping, string key) => List(Entry(mapping, key));

    public static string? String(SourceMapping? mapping, string key) => String(Entry(mapping, key));

    public static bool? Bool(SourceMapping? mapping, string key) => Bool(Entry(mapping, key));

    public static long? Long(SourceMapping? mapping, string key) => Long(Entry(mapping, key));

    public static int? Int(SourceMapping? mapping, string key) => Int(Entry(mapping, key));

    /// <summary>Whether the field is written with a value that an int32 field cannot take (null counts as absent).</summary>
    public static bool IsUndecodableInt(SourceMapping? mapping, string key) => IsUndecodableInt(Entry(mapping, key));

    public static IntOrString? IntOrString(SourceMapping? mapping, string key) => IntOrString(Entry(mapping, key));

    public static IReadOnlyList<string> Strings(SourceMapping? mapping, string key) => Strings(Entry(mapping, key));

    /// <inheritdoc cref="StringItems(in MappingEntry)"/>
    public static IReadOnlyList<string> StringItems(SourceMapping? mapping, string key) => StringItems(Entry(mapping, key));

    public static IReadOnlyDictionary<string, string> StringMap(SourceMapping? mapping, string key) => StringMap(Entry(mapping, key));

    /// <summary>
    /// The entry of <paramref name="key"/> (its first, as <see cref="SourceMapping.TryGetEntry"/> finds it), or
    /// <c>default</c> when there is none: the readers below take a <c>default</c> entry as an absent field, so a
    /// reader that finds a mapping's fields in one pass over its entries reads them exactly as a lookup by key does.
    /// </summary>
    public static MappingEntry Entry(SourceMapping? mapping, string key) =>
        mapping is not null && mapping.TryGetEntry(key, out var entry) ? entry : default;

    public static SourceMapping? Map(in MappingEntry entry) => entry.CollectionValue as SourceMapping;

    public static IReadOnlyList<SourceNode> List(in MappingEntry entry) =>
        (entry.CollectionValue as SourceSequence)?.Items ?? [];

    public static string? String(in MappingEntry entry) =>
        entry.TryGetScalar(out var scalar) && !scalar.IsNull ? scalar.Value : null;

    public static bool? Bool(in MappingEntry entry) =>
        entry.TryGetScalar(out var scalar) && scalar.TryGetBoolean(out var value) ? value : null;

    public static long? Long(in MappingEntry entry) =>
        entry.TryGetScalar(out var scalar) && scalar.TryGetInt64(out var value) ? value : null;

    public static int? Int(in MappingEntry entry) =>
        Long(entry) is { } value and >= int.MinValue and <= int.MaxValue ? (int)value : null;

    /// <summary>Whether the field is written with a value that an int32 field cannot take (null counts as absent).</summary>
    public static bool IsUndecodableInt(in MappingEntry entry) =>
        entry.Key is not null && !(entry.TryGetScalar(out var scalar) && scalar.IsNull) && Int(entry) is null;

    public static IntOrString? IntOrString(in MappingEntry entry)
    {
        if (!entry.TryGetScalar(out var scalar) || scalar.IsNull)
        {
            return null;
        }

        return scalar.TryGetInt64(out var number) && number is >= int.MinValue and <= int.MaxValue
            ? Model.IntOrString.FromInt((int)number)
            : Model.IntOrString.FromString(scalar.Value);
    }

    public static IReadOnlyList<string> Strings(in MappingEntry entry)
    {
        if (entry.CollectionValue is not SourceSequence items)
        {
            return [];
        }

        var count = 0;
        for (var i = 0; i < items.Count; i++)
        {
            count += items.TryGetScalar(i, out var scalar) && !scalar.IsNull ? 1 : 0;
        }

        if (count == 0)
        {
            return [];
        }

        var strings = new string[count];
        var next = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (items.TryGetScalar(i, out var scalar) && !scalar.IsNull)
            {
                strings[next++] = scalar.Value;
            }
        }

        return strings;
    }

    /// <summary>
    /// A string list that keeps every item's index (so <c>args[3]</c> stays the fourth item): null and non-scalar
    /// items read as "", as a JSON null decodes into a Go string.
    /// </summary>
    public static IReadOnlyList<string> StringItems(in MappingEntry entry)
    {
        if (entry.CollectionValue is not SourceSequence { Count: > 0 } items)
        {
            return [];
        }

        var strings = new string[items.Count];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = items.TryGetScalar(i, out var scalar) && !scalar.IsNull ? scalar.Value : string.Empty;
        }

        return strings;
    }

    public static IReadOnlyDictionary<string, string> StringMap(in MappingEntry entry)
    {
        if (Map(entry) is not { Count: > 0 } map)
        {
            return NoEntries;
        }

        // Mapping keys are unique (the loader rejects duplicates), so each scalar entry adds one pair.
        var scalars = 0;
        foreach (var item in map.Entries)
        {
            scalars += item.TryGetScalar(out _) ? 1 : 0;
        }

        if (scalars <= CompactStringMap.MaxEntries)
        {
            var pairs = new string[2 * scalars];
            var next = 0;
            foreach (var item in map.Entries)
            {
                if (item.TryGetScalar(out var scalar))
                {
                    pairs[next++] = item.Key;
                    pairs[next++] = scalar.IsNull ? string.Empty : scalar.Value;
                }
            }

            return new CompactStringMap(pairs);
        }

        var result = new Dictionary<string, string>(scalars, StringComparer.Ordinal);
        foreach (var item in map.Entries)
        {
            if (item.TryGetScalar(out var scalar))
            {
                result[item.Key] = scalar.IsNull ? string.Empty : scalar.Value;
            }
        }

        return result;
    }

    /// <inheritdoc cref="PathCache.Index"/>
    public static string Index(string path, string list, int index) => Paths.Index(path, list, index);

    /// <inheritdoc cref="PathCache.Join"/>
    public static string Join(string path, string field) => Paths.Join(path, field);
}
