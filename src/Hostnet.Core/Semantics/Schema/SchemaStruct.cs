namespace Hostnet.Core.Semantics.Schema;

/// <summary>A Go struct of the Kubernetes API: its JSON field names and their types.</summary>
internal sealed class SchemaStruct(string name, bool isGoName)
{
    // A plain dictionary: a frozen one reads a little faster but costs far more to build, and the ~250 structs are
    // built at every start-up (P5).
    private Dictionary<string, SchemaType> _fields = [];

    /// <summary>The Go type name (<c>PodSpec</c>), or a descriptive path when the Go name is not known.</summary>
    public string Name { get; } = name;

    /// <summary>The Go type name that Go's decoder puts in its errors, when known.</summary>
    public string? GoName => isGoName ? Name : null;

    public IReadOnlyDictionary<string, SchemaType> Fields => _fields;

    /// <summary>The field's type, found with a direct call: through <see cref="Fields"/> each of a walk's keys cost an interface dispatch.</summary>
    public bool TryGetField(string name, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out SchemaType type) => _fields.TryGetValue(name, out type);

    /// <summary>Set once, while the schema is parsed (structs refer to structs defined later in the file).</summary>
    internal void Complete(Dictionary<string, SchemaType> fields) => _fields = fields;
}
