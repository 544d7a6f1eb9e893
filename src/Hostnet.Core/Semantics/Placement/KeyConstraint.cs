using System.Collections.Frozen;

namespace Hostnet.Core.Semantics.Placement;

/// <summary>
/// Everything a node term requires of one label (or of the node's name), folded into one value so that two terms can
/// be checked for a common node without re-reading their requirements.
/// </summary>
/// <param name="Allowed">The values <c>In</c> allows (intersected), or null when no <c>In</c> bounds them; a <see cref="HashSet{T}"/>, whose enumerator is a struct (checks of pairs of terms walk it).</param>
/// <param name="Forbidden">The values <c>NotIn</c> excludes.</param>
/// <param name="MustExist">Required by <c>In</c>, <c>Exists</c>, <c>Gt</c> or <c>Lt</c>.</param>
/// <param name="MustBeAbsent">Required absent by <c>DoesNotExist</c>.</param>
/// <param name="Lower">The largest <c>Gt</c> bound (exclusive).</param>
/// <param name="Upper">The smallest <c>Lt</c> bound (exclusive).</param>
/// <param name="Impossible">A requirement that matches nothing (unknown operator, malformed number).</param>
internal sealed record KeyConstraint(
    HashSet<string>? Allowed,
    IReadOnlySet<string> Forbidden,
    bool MustExist,
    bool MustBeAbsent,
    long? Lower,
    long? Upper,
    bool Impossible)
{
    private static readonly FrozenSet<string> None = FrozenSet<string>.Empty;

    public static KeyConstraint From(NodeRequirement requirement) => requirement.Operator switch
    {
        "In" => new(new HashSet<string>(requirement.Values, StringComparer.Ordinal), None, true, false, null, null, false),
        "NotIn" => new(null, new HashSet<string>(requirement.Values, StringComparer.Ordinal), false, false, null, null, false),
        "Exists" => new(null, None, true, false, null, null, false),
        "DoesNotExist" => new(null, None, false, true, null, null, false),
        "Gt" when requirement.Bound() is { } lower => new(null, None, true, false, lower, null, false),
        "Lt" when requirement.Bound() is { } upper => new(null, None, true, false, null, upper, false),
        _ => new(null, None, false, false, null, null, true),
    };

    /// <summary>The values still allowed once <c>NotIn</c> is applied, or null when any value will do.</summary>
    public IReadOnlySet<string>? AllowedValues => Allowed is null ? null : Forbidden.Count == 0 ? Allowed : new HashSet<string>(Allowed.Except(Forbidden), StringComparer.Ordinal);

    /// <summary>Both constraints at once.</summary>
    public KeyConstraint And(KeyConstraint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var allowed = (Allowed, other.Allowed) switch
        {
            (null, var b) => b,
            (var a, null) => a,
            var (a, b) => new HashSet<string>(a!.Intersect(b!), StringComparer.Ordinal),
        };
        IReadOnlySet<string> forbidden = Forbidden.Count == 0 ? other.Forbidden : other.Forbidden.Count == 0 ? Forbidden : new HashSet<string>(Forbidden.Union(other.Forbidden), StringComparer.Ordinal);
        return new KeyConstraint(
            allowed,
            forbidden,
            MustExist || other.MustExist,
            MustBeAbsent || other.MustBeAbsent,
            Max(Lower, other.Lower),
            Min(Upper, other.Upper),
            Impossible || other.Impossible);
    }

    /// <summary>Whether some value (or the label's absence) meets it.</summary>
    public bool IsSatisfiable() => IsSatisfiableWith(this);

    /// <summary>Whether some value (or the label's absence) meets this and <paramref name="other"/> at once, without building the pair.</summary>
    public bool IsSatisfiableWith(KeyConstraint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var mustExist = MustExist || other.MustExist;
        var mustBeAbsent = MustBeAbsent || other.MustBeAbsent;
        if (Impossible || other.Impossible || (mustExist && mustBeAbsent))
        {
            return false;
        }

        if (mustBeAbsent)
        {
            return true;
        }

        var lower = Max(Lower, other.Lower);
        var upper = Min(Upper, other.Upper);
        var (first, second) = (Allowed, other.Allowed) switch
        {
            (null, var b) => (b, null),
            (var a, null) => (a, null),
            var (a, b) => a!.Count <= b!.Count ? (a, b) : (b, a),
        };
        if (first is null)
        {
            return lower is null || upper is null || (upper.Value > lower.Value && upper.Value - 1 > lower.Value);
        }

        foreach (var value in first)
        {
            if ((second is null || second.Contains(value))
                && !Forbidden.Contains(value)
                && !other.Forbidden.Contains(value)
                && ((lower is null && upper is null) || Within(NodeRequirement.ParseNumber(value), lower, upper)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Within(long? value, long? lower, long? upper) => value is { } v && (lower is null || v > lower) && (upper is null || v < upper);

    private static long? Max(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
