using System.Globalization;

namespace Hostnet.Core.Model;

/// <summary>A Kubernetes IntOrString: a number, a name, or a percentage.</summary>
public readonly record struct IntOrString(int? IntValue, string? StringValue)
{
    public static IntOrString FromInt(int value) => new(value, null);

    public static IntOrString FromString(string value) => new(null, value);

    public bool IsPercent => StringValue is { } text && text.EndsWith('%');

    /// <summary>
    /// Resolves a count or percentage against a total, rounding as asked.
    /// Mirrors k8s.io/apimachinery/pkg/util/intstr GetScaledValueFromIntOrPercent.
    /// </summary>
    public int? Scale(int total, bool roundUp)
    {
        if (IntValue is { } number)
        {
            return number;
        }

        if (!IsPercent || !int.TryParse(StringValue.AsSpan(0, StringValue!.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
        {
            return null;
        }

        var scaled = (double)percent * total / 100;
        return (int)(roundUp ? Math.Ceiling(scaled) : Math.Floor(scaled));
    }

    public override string ToString() => IntValue?.ToString(CultureInfo.InvariantCulture) ?? StringValue ?? string.Empty;
}
