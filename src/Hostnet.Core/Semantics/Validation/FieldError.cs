using System.Globalization;
using System.Text;

namespace Hostnet.Core.Semantics.Validation;

/// <summary>
/// An API validation error, printed byte for byte as the API server prints it.
/// Mirrors staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go (Error, ErrorBody, NotSupported).
/// </summary>
/// <param name="Field">The field path, e.g. <c>spec.template.spec.dnsPolicy</c>.</param>
/// <param name="Type">The error type.</param>
/// <param name="BadValue">
/// The value: an int or bool prints bare, a string is Go-quoted, a list of strings prints as Go's <c>%#v</c> does
/// (<c>[]string{"a", "b"}</c>); null omits it.
/// </param>
/// <param name="Detail">The detail, or empty.</param>
public sealed record FieldError(string Field, FieldErrorType Type, object? BadValue, string Detail)
{
    public static FieldError Required(string field, string detail = "") => new(field, FieldErrorType.Required, null, detail);

    public static FieldError Forbidden(string field, string detail) => new(field, FieldErrorType.Forbidden, null, detail);

    public static FieldError Invalid(string field, object value, string detail) => new(field, FieldErrorType.Invalid, value, detail);

    public static FieldError Duplicate(string field, object value) => new(field, FieldErrorType.Duplicate, value, string.Empty);

    /// <summary><c>Unsupported value: "x": supported values: "a", "b"</c>, values in the order given.</summary>
    public static FieldError NotSupported(string field, object value, IEnumerable<string> supported) =>
        new(field, FieldErrorType.NotSupported, value, "supported values: " + string.Join(", ", supported.Select(GoQuote)));

    public static string TypeName(FieldErrorType type) => type switch
    {
        FieldErrorType.Required => "Required value",
        FieldErrorType.Invalid => "Invalid value",
        FieldErrorType.Duplicate => "Duplicate value",
        FieldErrorType.NotSupported => "Unsupported value",
        FieldErrorType.Forbidden => "Forbidden",
        FieldErrorType.NotFound => "Not found",
        FieldErrorType.TooLong => "Too long",
        _ => "Internal error",
    };

    /// <summary>Quotes a string as Go's <c>%q</c> does for printable text.</summary>
    public static string GoQuote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                '\r' => builder.Append("\\r"),
                _ when char.IsControl(c) => builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    public string Body
    {
        get
        {
            var omitValue = Type is FieldErrorType.Required or FieldErrorType.Forbidden or FieldErrorType.TooLong or FieldErrorType.Internal
                || BadValue is null;
            var body = omitValue ? TypeName(Type) : $"{TypeName(Type)}: {FormatValue(BadValue!)}";
            return Detail.Length == 0 ? body : $"{body}: {Detail}";
        }
    }

    public override string ToString() => $"{Field}: {Body}";

    private static string FormatValue(object value) => value switch
    {
        string text => GoQuote(text),
        bool flag => flag ? "true" : "false",
        IEnumerable<string> texts => "[]string{" + string.Join(", ", texts.Select(GoQuote)) + "}",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
