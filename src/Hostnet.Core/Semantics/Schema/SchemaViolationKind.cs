namespace Hostnet.Core.Semantics.Schema;

/// <summary>Why the API server would refuse to decode an object.</summary>
public enum SchemaViolationKind
{
    /// <summary>A field the type does not have (<c>strict decoding error: unknown field</c>).</summary>
    UnknownField,

    /// <summary>A value of the wrong JSON type (<c>json: cannot unmarshal … into Go struct field</c>).</summary>
    WrongType,
}
