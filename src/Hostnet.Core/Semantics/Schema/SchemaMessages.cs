namespace Hostnet.Core.Semantics.Schema;

/// <summary>
/// The text of strict-decoding findings. The first two mirror the API server byte for byte:
/// sigs.k8s.io/json's strict errors as kube-apiserver wraps them, and Go encoding/json's <c>UnmarshalTypeError</c>.
/// </summary>
internal static class SchemaMessages
{
    public const string StrictDecodingError = "strict decoding error: ";

    public const string GoTypeErrorStart = "json: cannot unmarshal ";

    public static string UnknownField(string path) => $"{StrictDecodingError}unknown field \"{path}\"";

    public static string GoTypeError(string goValue, string goStruct, string goPath, string goType) =>
        $"{GoTypeErrorStart}{goValue} into Go struct field {goStruct}.{goPath} of type {goType}";

    public static string Expected(string path, string expected, string actual) => $"{path}: expected {expected}, got {actual}";

    public static string DidYouMean(string name) => $"did you mean \"{name}\"?";

    public static string PodLevelField(string name, string podSpecPath) =>
        $"\"{name}\" is a pod-level field: move it to {podSpecPath}";

    public static string FieldOf(string name, string path) =>
        path.Length == 0 ? $"\"{name}\" is a top-level field: move it to the top level of the object"
        : $"\"{name}\" is a field of {path}: move it there";

    public static string WithDidYouMean(string name, string placement) => $"did you mean \"{name}\"? {placement}";

    public static string RemoveQuotes(string text) => $"write {text} without quotes: quoted, it is a string";

    public static string QuoteValue(string text, string yamlType) =>
        $"quote the value: \"{text}\" (unquoted, YAML reads it as a {yamlType})";
}
