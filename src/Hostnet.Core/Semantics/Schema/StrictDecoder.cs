using Hostnet.Core.Documents;


namespace Hostnet.Core.Semantics.Schema;

/// <summary>
/// Mirrors how kube-apiserver decodes a built-in object: strictly (an unknown field is an error, field names are
/// case-sensitive) and with Go's JSON types (<c>"yes"</c> is not a bool, <c>"8080"</c> is not an int32). Kinds the
/// schema does not know (custom resources, ConfigMaps, other API versions) pass unchecked.
/// </summary>
/// <remarks>
/// Mirrors kube-apiserver with <c>fieldValidation=Strict</c>, which kubectl sends by default (<c>--validate=strict</c>):
/// k8s.io/apimachinery/pkg/runtime/serializer/json in strict mode over sigs.k8s.io/json, which reports every unknown
/// field, and Go encoding/json's <c>UnmarshalTypeError</c> for the first wrong type (we report all of them).
/// </remarks>
internal static class StrictDecoder
{
    /// <summary>
    /// The walks' path, one list per thread: a new one for each document (16 segments of 24 bytes) was most of what
    /// strict decoding allocated.
    /// </summary>
    [ThreadStatic]
    private static List<PathSegment>? t_path;

    /// <summary>Checks a document against <see cref="ApiSchema.Default"/>.</summary>
    public static IReadOnlyList<SchemaViolation> Check(ManifestDocument document) => Check(document, ApiSchema.Default);

    public static IReadOnlyList<SchemaViolation> Check(ManifestDocument document, ApiSchema schema)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(schema);
        if (!schema.TryGetRoot(document.ApiVersion, document.Kind, out var root))
        {
            return [];
        }

        var path = t_path ??= new List<PathSegment>(capacity: 16);
        path.Clear();
        var walk = new StrictDecodingWalk(path);
        walk.CheckStruct(document.Root, root);
        return walk.Violations;
    }
}
