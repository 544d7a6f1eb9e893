namespace Hostnet.Core.Semantics.Schema;

/// <summary>One step of the path to a value: a struct field, an array index, or a map key.</summary>
internal readonly struct PathSegment
{
    private PathSegment(string? name, int index, SchemaStruct? owner)
    {
        Name = name;
        Index = index;
        Owner = owner;
    }

    /// <summary>The field name or map key; null for an array index.</summary>
    public string? Name { get; }

    public int Index { get; }

    /// <summary>The struct that declares the field; null for an index or a map key.</summary>
    public SchemaStruct? Owner { get; }

    public bool IsField => Owner is not null;

    public static PathSegment Field(string name, SchemaStruct owner) => new(name, -1, owner);

    public static PathSegment Item(int index) => new(null, index, null);

    public static PathSegment MapKey(string key) => new(key, -1, null);
}
