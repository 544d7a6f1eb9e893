using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Placement;

/// <summary>
/// Requirements that must all hold on one node (a node selector term, with the pod's <c>nodeSelector</c> folded in).
/// Besides matching a node, it answers symbolically, without any node, whether some node could meet it.
/// </summary>
public sealed record NodeTerm(IReadOnlyList<NodeRequirement> Requirements)
{
    public bool Matches(Node node) => Requirements.All(r => r.Matches(node));

    public NodeTerm And(NodeTerm other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new NodeTerm([.. Requirements, .. other.Requirements]);
    }

    /// <summary>
    /// Whether a node with some labels could meet every requirement. False only when it is provably impossible:
    /// a label both required and forbidden, <c>In</c> sets with nothing in common (or only values that <c>NotIn</c>
    /// excludes), numeric bounds that leave no integer, or a requirement that matches nothing.
    /// </summary>
    public bool IsSatisfiable() =>
        Requirements.GroupBy(r => (r.IsField, r.Key)).All(g => KeySatisfiable([.. g]));

    /// <summary>
    /// The values the term allows for one key (<c>In</c> sets intersected, <c>NotIn</c> values removed), or null when
    /// it allows any value or none is required.
    /// </summary>
    public IReadOnlySet<string>? AllowedValues(string key, bool isField)
    {
        HashSet<string>? allowed = null;
        foreach (var requirement in Requirements.Where(r => r.Key == key && r.IsField == isField && r.Operator == "In"))
        {
            allowed = allowed is null ? new HashSet<string>(requirement.Values, StringComparer.Ordinal) : [.. allowed.Intersect(requirement.Values)];
        }

        allowed?.ExceptWith(Requirements.Where(r => r.Key == key && r.IsField == isField && r.Operator == "NotIn").SelectMany(r => r.Values));
        return allowed;
    }

    private static bool KeySatisfiable(NodeRequirement[] requirements)
    {
        var mustExist = false;
        var mustBeAbsent = false;
        long? lower = null;
        long? upper = null;
        foreach (var requirement in requirements)
        {
            switch (requirement.Operator)
            {
                case "In" or "Exists":
                    mustExist = true;
                    break;
                case "DoesNotExist":
                    mustBeAbsent = true;
                    break;
                case "Gt" when requirement.Bound() is { } bound:
                    mustExist = true;
                    lower = lower is { } l ? Math.Max(l, bound) : bound;
                    break;
                case "Lt" when requirement.Bound() is { } bound:
                    mustExist = true;
                    upper = upper is { } u ? Math.Min(u, bound) : bound;
                    break;
                case "NotIn":
                    break;
                default:
                    return false;
            }
        }

        if (mustBeAbsent)
        {
            return !mustExist;
        }

        var first = requirements[0];
        var allowed = new NodeTerm(requirements).AllowedValues(first.Key, first.IsField);
        if (allowed is not null)
        {
            return allowed.Any(v => Within(NodeRequirement.ParseNumber(v), lower, upper, numeric: lower is not null || upper is not null));
        }

        return lower is null || upper is null || (upper.Value > lower.Value && upper.Value - 1 > lower.Value);
    }

    private static bool Within(long? value, long? lower, long? upper, bool numeric) =>
        !numeric || (value is { } v && (lower is null || v > lower) && (upper is null || v < upper));
}
