namespace Hostnet.Core.Semantics.Schema;

/// <summary>The type of a field: a scalar kind, an array or map of an element type, or a struct.</summary>
internal sealed class SchemaType
{
    private SchemaType(SchemaValueKind kind, SchemaType? element, SchemaStruct? structure, string? goType)
    {
        Kind = kind;
        Element = element;
        Struct = structure;
        GoType = goType;
    }

    public SchemaValueKind Kind { get; }

    /// <summary>The item type of an array or the value type of a map.</summary>
    public SchemaType? Element { get; }

    /// <summary>The fields of a struct.</summary>
    public SchemaStruct? Struct { get; }

    /// <summary>
    /// The type as Go's <c>reflect.Type.String()</c> prints it in an <c>UnmarshalTypeError</c> (<c>int32</c>,
    /// <c>v1.DNSPolicy</c>, <c>[]v1.Container</c>); null when unknown, or when the type decodes itself
    /// (Quantity, IntOrString, Time) and so fails with a message of its own.
    /// </summary>
    public string? GoType { get; }

    /// <summary>What the field takes, in a user's words.</summary>
    public string Description => Kind switch
    {
        SchemaValueKind.Boolean => "boolean",
        SchemaValueKind.Int32 => "integer (int32)",
        SchemaValueKind.Int64 => "integer (int64)",
        SchemaValueKind.String => "string",
        SchemaValueKind.Time => "time (an RFC 3339 string)",
        SchemaValueKind.Quantity => "quantity (a number, or a string such as \"500m\" or \"64Mi\")",
        SchemaValueKind.IntOrString => "integer or string",
        SchemaValueKind.Array => "array",
        SchemaValueKind.Map or SchemaValueKind.Struct => "object",
        _ => "any value",
    };

    public static SchemaType Scalar(SchemaValueKind kind, string? goType) => new(kind, null, null, goType);

    public static SchemaType ArrayOf(SchemaType element) =>
        new(SchemaValueKind.Array, element, null, element.GoType is null ? null : "[]" + element.GoType);

    public static SchemaType MapOf(SchemaType element)
    {
        // Every map of quantities in these APIs is a core/v1 ResourceList.
        var goType = element.Kind == SchemaValueKind.Quantity ? "v1.ResourceList"
            : element.GoType is null ? null
            : "map[string]" + element.GoType;
        return new(SchemaValueKind.Map, element, null, goType);
    }

    public static SchemaType StructOf(SchemaStruct structure) =>
        new(SchemaValueKind.Struct, null, structure, structure.GoName is null ? null : "v1." + structure.GoName);
}
