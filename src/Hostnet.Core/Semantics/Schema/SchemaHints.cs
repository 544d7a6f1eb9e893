using System.Globalization;
using Hostnet.Core.Documents;

namespace Hostnet.Core.Semantics.Schema;

/// <summary>Guesses what the author of a rejected field meant. Runs only when there is something to report.</summary>
internal static class SchemaHints
{
    private const string PodSpecName = "PodSpec";
    private const int NestedSearchDepth = 3;

    /// <summary>
    /// For a key that <paramref name="current"/> does not have, in this order: a field of the same struct in another
    /// case, a field of an enclosing struct (a pod-spec field under a container), a field of the same struct one or two
    /// typos away, a field of a nested struct (a pod-spec field directly under a Deployment's spec).
    /// </summary>
    public static string? ForUnknownField(string key, SchemaStruct current, IReadOnlyList<PathSegment> path)
    {
        var sameLevel = SameNameIgnoringCase(key, current);
        if (sameLevel is not null)
        {
            return SchemaMessages.DidYouMean(sameLevel);
        }

        // Nearest enclosing struct first; the struct that declares path[i] sits at path[0..i).
        for (var i = path.Count - 1; i >= 0; i--)
        {
            var owner = path[i].Owner;
            if (owner is null)
            {
                continue;
            }

            var name = owner.Fields.ContainsKey(key) ? key : SameNameIgnoringCase(key, owner);
            if (name is not null)
            {
                var placement = Placement(name, owner, FieldPathWriter.Kubernetes(path, i));
                return name == key ? placement : SchemaMessages.WithDidYouMean(name, placement);
            }
        }

        var typo = ClosestName(key, current);
        if (typo is not null)
        {
            return SchemaMessages.DidYouMean(typo);
        }

        var nested = FindNested(key, current);
        if (nested is not null)
        {
            var here = FieldPathWriter.Kubernetes(path, path.Count);
            var (owner, relative) = nested.Value;
            return Placement(key, owner, here.Length == 0 ? relative : here + "." + relative);
        }

        return null;
    }

    /// <summary>For a value of the wrong type that quoting (or unquoting) would fix.</summary>
    public static string? ForWrongType(SourceNode node, SchemaType expected, ScalarKind actual)
    {
        if (node is not SourceScalar scalar)
        {
            return null;
        }

        if (actual == ScalarKind.String && scalar.Style == ScalarStyle.Quoted)
        {
            var unquoted = new SourceScalar(scalar.Position, scalar.Value.Trim(), ScalarStyle.Plain);
            if (expected.Kind == SchemaValueKind.Boolean && unquoted.TryGetBoolean(out var flag))
            {
                return SchemaMessages.RemoveQuotes(flag ? "true" : "false");
            }

            if (expected.Kind is SchemaValueKind.Int32 or SchemaValueKind.Int64 && unquoted.TryGetInt64(out var number))
            {
                return SchemaMessages.RemoveQuotes(number.ToString(CultureInfo.InvariantCulture));
            }

            return null;
        }

        if (expected.Kind == SchemaValueKind.String && actual is ScalarKind.Boolean or ScalarKind.Integer or ScalarKind.Float)
        {
            return SchemaMessages.QuoteValue(scalar.Value, actual == ScalarKind.Boolean ? "boolean" : "number");
        }

        return null;
    }

    private static string Placement(string name, SchemaStruct owner, string path) =>
        owner.Name == PodSpecName && path.Length > 0
            ? SchemaMessages.PodLevelField(name, path)
            : SchemaMessages.FieldOf(name, path);

    private static string? ClosestName(string key, SchemaStruct structure)
    {
        // A small typo (hostNetwrok); short keys only tolerate one edit.
        if (key.Length < 3)
        {
            return null;
        }

        var limit = key.Length >= 6 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        var tie = false;
        foreach (var name in SortedFields(structure))
        {
            var distance = Spelling.Distance(key, name);
            if (distance < bestDistance)
            {
                (best, bestDistance, tie) = (name, distance, false);
            }
            else if (distance == bestDistance)
            {
                tie = true;
            }
        }

        return bestDistance <= limit && !tie ? best : null;
    }

    /// <summary>The one field of <paramref name="structure"/> that <paramref name="key"/> spells in another case; null for none or several.</summary>
    public static string? SameNameIgnoringCase(string key, SchemaStruct structure)
    {
        string? match = null;
        foreach (var name in SortedFields(structure))
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                if (match is not null)
                {
                    return null;
                }

                match = name;
            }
        }

        return match;
    }

    /// <summary>Breadth-first through struct-valued fields, in name order, so the nearest match wins.</summary>
    private static (SchemaStruct Owner, string RelativePath)? FindNested(string key, SchemaStruct start)
    {
        var level = new List<(SchemaStruct Struct, string Path)> { (start, string.Empty) };
        for (var depth = 0; depth < NestedSearchDepth && level.Count > 0; depth++)
        {
            var next = new List<(SchemaStruct Struct, string Path)>();
            foreach (var (structure, path) in level)
            {
                foreach (var name in SortedFields(structure))
                {
                    var (child, suffix) = StructInside(structure.Fields[name]);
                    if (child is null)
                    {
                        continue;
                    }

                    var childPath = (path.Length == 0 ? name : path + "." + name) + suffix;
                    if (child.Fields.ContainsKey(key))
                    {
                        return (child, childPath);
                    }

                    next.Add((child, childPath));
                }
            }

            level = next;
        }

        return null;
    }

    private static (SchemaStruct? Struct, string Suffix) StructInside(SchemaType type) => type.Kind switch
    {
        SchemaValueKind.Struct => (type.Struct, string.Empty),
        SchemaValueKind.Array or SchemaValueKind.Map when type.Element!.Kind == SchemaValueKind.Struct => (type.Element.Struct, "[*]"),
        _ => (null, string.Empty),
    };

    private static IEnumerable<string> SortedFields(SchemaStruct structure) =>
        structure.Fields.Keys.Order(StringComparer.Ordinal);
}
