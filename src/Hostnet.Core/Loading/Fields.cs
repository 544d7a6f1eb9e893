using System.Globalization;
using Hostnet.Core.Model;

namespace Hostnet.Core.Loading;

/// <summary>
/// Lenient typed reads from the source tree: a value of the wrong type reads as absent, because the strict decoder
/// reports it (as HN000) with its position.
/// </summary>
internal static class Fields
{
    private static readonly IReadOnlyDictionary<string, string> NoEntries = new Dictionary<string, string>();

    public static SourceMapping? Map(SourceMapping? mapping, string key) => mapping?[key] as SourceMapping;

    public static IReadOnlyList<SourceNode> List(SourceMapping? mapping, string key) =>
        (mapping?[key] as SourceSequence)?.Items ?? [];

    public static string? String(SourceMapping? mapping, string key) =>
        mapping?[key] is SourceScalar { IsNull: false } scalar ? scalar.Value : null;

    public static bool? Bool(SourceMapping? mapping, string key) =>
        mapping?[key] is SourceScalar scalar && scalar.TryGetBoolean(out var value) ? value : null;

    public static long? Long(SourceMapping? mapping, string key) =>
        mapping?[key] is SourceScalar scalar && scalar.TryGetInt64(out var value) ? value : null;

    public static int? Int(SourceMapping? mapping, string key) =>
        Long(mapping, key) is { } value and >= int.MinValue and <= int.MaxValue ? (int)value : null;

    /// <summary>Whether the field is written with a value that an int32 field cannot take (null counts as absent).</summary>
    public static bool IsUndecodableInt(SourceMapping? mapping, string key) =>
        mapping?[key] is { } node && node is not SourceScalar { IsNull: true } && Int(mapping, key) is null;

    public static IntOrString? IntOrString(SourceMapping? mapping, string key)
    {
        if (mapping?[key] is not SourceScalar { IsNull: false } scalar)
        {
            return null;
        }

        return scalar.TryGetInt64(out var number) && number is >= int.MinValue and <= int.MaxValue
            ? Model.IntOrString.FromInt((int)number)
            : Model.IntOrString.FromString(scalar.Value);
    }

    public static IReadOnlyList<string> Strings(SourceMapping? mapping, string key) =>
        List(mapping, key).OfType<SourceScalar>().Where(s => !s.IsNull).Select(s => s.Value).ToArray();

    /// <summary>
    /// A string list that keeps every item's index (so <c>args[3]</c> stays the fourth item): null and non-scalar
    /// items read as "", as a JSON null decodes into a Go string.
    /// </summary>
    public static IReadOnlyList<string> StringItems(SourceMapping? mapping, string key) =>
        List(mapping, key).Select(s => s is SourceScalar { IsNull: false } scalar ? scalar.Value : string.Empty).ToArray();

    public static IReadOnlyDictionary<string, string> StringMap(SourceMapping? mapping, string key)
    {
        if (Map(mapping, key) is not { Entries.Count: > 0 } map)
        {
            return NoEntries;
        }

        var result = new Dictionary<string, string>(map.Entries.Count, StringComparer.Ordinal);
        foreach (var (entryKey, value) in map.Entries)
        {
            if (value is SourceScalar scalar)
            {
                result[entryKey.Value] = scalar.IsNull ? string.Empty : scalar.Value;
            }
        }

        return result;
    }

    public static string Index(string path, string list, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}.{list}[{index}]");
}
