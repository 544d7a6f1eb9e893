using System.Globalization;
using Hostnet.Core.Documents;

namespace Hostnet.Core.Semantics.Schema;

/// <summary>
/// The JSON type a scalar becomes (the same answer as <see cref="ScalarView.ScalarKind"/>), without allocating for
/// the common cases: quoted text, plain words and paths, plain decimal integers.
/// </summary>
internal static class ScalarClassifier
{
    private const int MaxFastDigits = 18;

    public static ScalarKind Classify(ScalarView scalar, out long integer)
    {
        integer = 0;
        if (!scalar.IsPlain)
        {
            return ScalarKind.String;
        }

        var text = scalar.Value;
        if (text.Length == 0)
        {
            return ScalarKind.Null;
        }

        if (MayBeNumber(text))
        {
            if (TryReadDecimal(text, out integer))
            {
                return ScalarKind.Integer;
            }

            var kind = scalar.ScalarKind;
            if (kind == ScalarKind.Integer)
            {
                scalar.TryGetInt64(out integer);
            }

            return kind;
        }

        // Not a number: only the YAML 1.1 null and boolean words are not strings.
        return scalar.IsNull ? ScalarKind.Null
            : scalar.TryGetBoolean(out _) ? ScalarKind.Boolean
            : ScalarKind.String;
    }

    /// <summary>Reads a scalar that <see cref="Classify"/> called a float, as the loader does.</summary>
    public static bool TryReadFloat(ScalarView scalar, out double value) =>
        double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>A number as Go's encoding/json writes it (strconv 'f' format, or 'e' outside 1e-6..1e21).</summary>
    public static string FormatNumber(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('E', StringComparison.Ordinal))
        {
            return text;
        }

        var magnitude = Math.Abs(value);
        return magnitude is >= 1e-6 and < 1e21
            ? ((decimal)value).ToString(CultureInfo.InvariantCulture)
            : text.Replace("E", "e", StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether the loader could read the text as an integer or a float: it starts with a digit, an underscore, or a sign
    /// or point followed by a digit (so command-line flags such as <c>--v=2</c> skip the slow path).
    /// </summary>
    private static bool MayBeNumber(string text)
    {
        var first = text[0];
        if (char.IsAsciiDigit(first) || first == '_')
        {
            return true;
        }

        if (first is not ('+' or '-' or '.') || text.Length < 2)
        {
            return false;
        }

        var second = text[1];
        return char.IsAsciiDigit(second) || second == '_' || (second == '.' && first != '.');
    }

    private static bool TryReadDecimal(string text, out long value)
    {
        value = 0;
        if (text.Length > MaxFastDigits || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                value = 0;
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
