using System.Globalization;

namespace Hostnet.Core.Semantics.Schema;

/// <summary>
/// Reads the schema text that <c>tools/gen-schema.py</c> writes:
/// <c>kind &lt;apiVersion&gt; &lt;Kind&gt; &lt;RootType&gt;</c> lines, then <c>type &lt;Name&gt;</c> blocks of
/// indented <c>&lt;field&gt; &lt;type&gt;</c> lines (the generator's docstring describes the type grammar).
/// </summary>
internal sealed class SchemaParser
{
    private const string UnknownGoNamePrefix = "~";
    private const string ArrayPrefix = "[]";
    private const string MapPrefix = "map[string]";

    private readonly Dictionary<string, SchemaStruct> _structs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaType> _types = new(StringComparer.Ordinal);
    private readonly string[] _lines;

    private SchemaParser(string text)
    {
        _lines = text.Split('\n');
    }

    /// <summary>The root struct of each kind, by kind and then apiVersion.</summary>
    public static Dictionary<string, Dictionary<string, SchemaStruct>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new SchemaParser(text).ParseAll();
    }

    private Dictionary<string, Dictionary<string, SchemaStruct>> ParseAll()
    {
        // First pass: every struct exists before any field refers to it.
        foreach (var line in _lines)
        {
            if (line.StartsWith("type ", StringComparison.Ordinal))
            {
                var name = line[5..].Trim();
                var isGoName = !name.StartsWith(UnknownGoNamePrefix, StringComparison.Ordinal);
                _structs.Add(name, new SchemaStruct(isGoName ? name : name[1..], isGoName));
            }
        }

        var roots = new Dictionary<string, Dictionary<string, SchemaStruct>>(StringComparer.Ordinal);
        SchemaStruct? current = null;
        Dictionary<string, SchemaType>? fields = null;
        for (var i = 0; i < _lines.Length; i++)
        {
            var line = _lines[i].TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (line.StartsWith("  ", StringComparison.Ordinal) && parts.Length == 2 && fields is not null)
            {
                fields.Add(parts[0], ParseType(parts[1], i));
            }
            else if (parts is ["kind", var apiVersion, var kind, var root])
            {
                if (!roots.TryGetValue(kind, out var byVersion))
                {
                    roots[kind] = byVersion = new Dictionary<string, SchemaStruct>(StringComparer.Ordinal);
                }

                byVersion.Add(apiVersion, Struct(root, i));
            }
            else if (parts is ["type", var name])
            {
                current?.Complete(fields!);
                current = _structs[name];
                fields = new Dictionary<string, SchemaType>(StringComparer.Ordinal);
            }
            else
            {
                throw Error(i, "cannot read the line");
            }
        }

        current?.Complete(fields!);
        return roots;
    }

    private SchemaType ParseType(string expression, int line)
    {
        if (_types.TryGetValue(expression, out var known))
        {
            return known;
        }

        SchemaType type;
        if (expression.StartsWith(ArrayPrefix, StringComparison.Ordinal))
        {
            type = SchemaType.ArrayOf(ParseType(expression[ArrayPrefix.Length..], line));
        }
        else if (expression.StartsWith(MapPrefix, StringComparison.Ordinal))
        {
            type = SchemaType.MapOf(ParseType(expression[MapPrefix.Length..], line));
        }
        else
        {
            var equals = expression.IndexOf('=', StringComparison.Ordinal);
            var token = equals < 0 ? expression : expression[..equals];
            var goType = equals < 0 ? null : expression[(equals + 1)..];
            type = token switch
            {
                "any" => SchemaType.Scalar(SchemaValueKind.Any, null),
                "bool" => SchemaType.Scalar(SchemaValueKind.Boolean, "bool"),
                "int32" => SchemaType.Scalar(SchemaValueKind.Int32, "int32"),
                "int64" => SchemaType.Scalar(SchemaValueKind.Int64, "int64"),
                "string" => SchemaType.Scalar(SchemaValueKind.String, goType is null ? "string" : goType == "?" ? null : goType),
                "time" => SchemaType.Scalar(SchemaValueKind.Time, null),
                "quantity" => SchemaType.Scalar(SchemaValueKind.Quantity, null),
                "intorstring" => SchemaType.Scalar(SchemaValueKind.IntOrString, null),
                _ => SchemaType.StructOf(Struct(expression, line)),
            };
        }

        _types.Add(expression, type);
        return type;
    }

    private SchemaStruct Struct(string name, int line) =>
        _structs.TryGetValue(name, out var structure) ? structure : throw Error(line, $"unknown type '{name}'");

    private static FormatException Error(int line, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"schema line {line + 1}: {message}"));
}
