using Hostnet.Core.Documents;


namespace Hostnet.Core.Semantics.Schema;

/// <summary>A place where the API server's strict decoding would reject an object.</summary>
/// <param name="FieldPath">The field as Kubernetes writes it: <c>spec.template.spec.containers[0].ports[1].hostPort</c>,
/// map keys in brackets (<c>metadata.labels[app.kubernetes.io/name]</c>).</param>
/// <param name="Position">The key of an unknown field, or the start of a wrongly typed value.</param>
/// <param name="Kind">Unknown field or wrong type.</param>
/// <param name="Message">The API server's own error text where we can reproduce it byte for byte.</param>
/// <param name="Hint">What the author probably meant, when we can tell.</param>
public sealed record SchemaViolation(
    string FieldPath,
    SourcePosition Position,
    SchemaViolationKind Kind,
    string Message,
    string? Hint)
{
    /// <summary>
    /// For an unknown key that equals exactly one field of its own struct but for case (<c>hostnetwork</c>,
    /// <c>DNSPolicy</c>), that field's name; the fix renames the key to it.
    /// </summary>
    public string? Spelling { get; init; }
}
