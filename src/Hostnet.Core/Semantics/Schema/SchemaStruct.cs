using System.Diagnostics.CodeAnalysis;

namespace Hostnet.Core.Semantics.Schema;

/// <summary>A Go struct of the Kubernetes API: its JSON field names and their types.</summary>
internal sealed class SchemaStruct(string name, bool isGoName)
{
    // A plain dictionary: a frozen one reads a little faster but costs far more to build, and the ~250 structs are
    // built at every start-up (P5).
    private Dictionary<string, SchemaType> _fields = [];

    // The fields again, by the length of their names: a walk compares each key with the one or two fields of its length
    // instead of hashing it, and hashing every key of an object was most of strict decoding's time (issue 16).
    private (string Name, SchemaType Type)[][] _byLength = [];

    /// <summary>The Go type name (<c>PodSpec</c>), or a descriptive path when the Go name is not known.</summary>
    public string Name { get; } = name;

    /// <summary>The Go type name that Go's decoder puts in its errors, when known.</summary>
    public string? GoName => isGoName ? Name : null;

    public IReadOnlyDictionary<string, SchemaType> Fields => _fields;

    /// <summary>The field's type (case-sensitive, as Go's strict decoding): what <see cref="Fields"/> holds for <paramref name="name"/>.</summary>
    public bool TryGetField(string name, [MaybeNullWhen(false)] out SchemaType type)
    {
        var byLength = _byLength;
        if ((uint)name.Length < (uint)byLength.Length)
        {
            foreach (var field in byLength[name.Length])
            {
                if (string.Equals(field.Name, name, StringComparison.Ordinal))
                {
                    type = field.Type;
                    return true;
                }
            }
        }

        type = null;
        return false;
    }

    /// <summary>Set once, while the schema is parsed (structs refer to structs defined later in the file).</summary>
    internal void Complete(Dictionary<string, SchemaType> fields)
    {
        _fields = fields;
        // Counted first, then filled: every start-up builds the ~250 structs' (P5).
        var longest = -1;
        foreach (var field in fields.Keys)
        {
            longest = Math.Max(longest, field.Length);
        }

        var counts = new int[longest + 1];
        foreach (var field in fields.Keys)
        {
            counts[field.Length]++;
        }

        var byLength = new (string Name, SchemaType Type)[longest + 1][];
        for (var length = 0; length <= longest; length++)
        {
            byLength[length] = counts[length] == 0 ? [] : new (string, SchemaType)[counts[length]];
        }

        foreach (var (field, type) in fields)
        {
            byLength[field.Length][^counts[field.Length]--] = (field, type);
        }

        _byLength = byLength;
    }
}
