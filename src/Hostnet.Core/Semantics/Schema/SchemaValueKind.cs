namespace Hostnet.Core.Semantics.Schema;

/// <summary>What a field holds, as Go's encoding/json sees it.</summary>
internal enum SchemaValueKind
{
    /// <summary>Anything: <c>fieldsV1</c>, <c>runtime.RawExtension</c>, empty marker structs.</summary>
    Any,
    Boolean,
    Int32,
    Int64,
    String,

    /// <summary><c>metav1.Time</c>: a JSON string, decoded by its own UnmarshalJSON.</summary>
    Time,

    /// <summary><c>resource.Quantity</c>: a JSON string or number.</summary>
    Quantity,

    /// <summary><c>intstr.IntOrString</c>: a JSON integer or string.</summary>
    IntOrString,
    Array,
    Map,
    Struct,
}
