using System.Globalization;

namespace Hostnet.Core.Documents;

/// <summary>
/// A scalar read where it is kept, without a node: a mapping entry's value (kept inline, see <see cref="MappingEntry"/>)
/// or a <see cref="SourceScalar"/>. Its text, position and style, read as YAML 1.1 reads plain values (as
/// sigs.k8s.io/yaml, which kubectl uses, does).
/// </summary>
public readonly struct ScalarView
{
    private readonly PackedPosition _position;
    private readonly string? _value;

    public ScalarView(SourcePosition position, string value, ScalarStyle style)
        : this(value, new PackedPosition(position, (int)style))
    {
    }

    internal ScalarView(string value, PackedPosition position)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
        _position = position;
    }

    /// <summary>The text; empty for <c>default</c> (what a failed <c>TryGetScalar</c> gives: a plain empty, null scalar).</summary>
    public string Value => _value ?? string.Empty;

    public SourcePosition Position => _position.Position;

    public ScalarStyle Style => (ScalarStyle)_position.Tag;

    public bool IsPlain => Style == ScalarStyle.Plain;

    /// <summary>A plain <c>null</c>, <c>~</c> or empty value.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>What a user would call this scalar's type in an error message.</summary>
    public string TypeName => ScalarKind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Boolean => "boolean",
        ScalarKind.Integer => "integer",
        ScalarKind.Float => "number",
        _ => "string",
    };

    /// <summary>The JSON type this scalar becomes when kubectl converts YAML to JSON.</summary>
    public ScalarKind ScalarKind
    {
        get
        {
            if (!IsPlain)
            {
                return ScalarKind.String;
            }

            if (IsNull)
            {
                return ScalarKind.Null;
            }

            if (TryGetBoolean(out _))
            {
                return ScalarKind.Boolean;
            }

            if (TryGetInt64(out _))
            {
                return ScalarKind.Integer;
            }

            return double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && Value.Any(char.IsDigit)
                ? ScalarKind.Float
                : ScalarKind.String;
        }
    }

    internal PackedPosition PackedPosition => _position;

    /// <summary>Reads a plain YAML 1.1 boolean (<c>true</c>, <c>yes</c>, <c>on</c>, …), as go-yaml v2 does.</summary>
    public bool TryGetBoolean(out bool value)
    {
        value = false;
        if (!IsPlain)
        {
            return false;
        }

        switch (Value)
        {
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y":
                value = true;
                return true;
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "n" or "N":
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads a plain integer (decimal, or 0x/0o/0 prefixed as YAML 1.1 allows).</summary>
    public bool TryGetInt64(out long value)
    {
        value = 0;
        if (!IsPlain || Value.Length == 0)
        {
            return false;
        }

        var text = Value.Replace("_", string.Empty, StringComparison.Ordinal);
        var negative = text.StartsWith('-');
        if (negative || text.StartsWith('+'))
        {
            text = text[1..];
        }

        bool parsed;
        if (text.StartsWith("0x", StringComparison.Ordinal))
        {
            parsed = long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        else if (text.StartsWith("0o", StringComparison.Ordinal))
        {
            parsed = TryParseOctal(text.AsSpan(2), out value);
        }
        else if (text.Length > 1 && text[0] == '0')
        {
            parsed = TryParseOctal(text.AsSpan(1), out value);
        }
        else
        {
            parsed = text.Length > 0 && !text.AsSpan().ContainsAnyExceptInRange('0', '9')
                && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        if (parsed && negative)
        {
            value = -value;
        }

        return parsed;
    }

    /// <summary>The scalar as a node of its own, made anew on each call: for the few readers that take any node.</summary>
    public SourceScalar ToNode() => new(Position, Value, Style);

    public override string ToString() => Value;

    private static bool TryParseOctal(ReadOnlySpan<char> digits, out long value)
    {
        value = 0;
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var digit in digits)
        {
            if (digit is < '0' or > '7' || value > long.MaxValue / 8)
            {
                return false;
            }

            value = (value * 8) + (digit - '0');
        }

        return true;
    }
}
