using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Placement;

/// <summary>
/// Requirements that must all hold on one node (a node selector term, with the pod's <c>nodeSelector</c> folded in).
/// Besides matching a node, it answers symbolically, without any node, whether some node could meet it. For that
/// reasoning the <c>kubernetes.io/hostname</c> label and the node's name count as one: the kubelet sets the label to
/// its host name, which is also the node's name unless overridden.
/// </summary>
public sealed class NodeTerm
{
    private static readonly (bool IsField, string Key) NameKey = (true, NodeRequirement.NameField);

    private readonly Lazy<Dictionary<(bool IsField, string Key), KeyConstraint>> _byKey;

    private readonly Lazy<bool> _satisfiable;

    public NodeTerm(IReadOnlyList<NodeRequirement> requirements)
    {
        Requirements = requirements;
        _byKey = new(() => requirements
            .GroupBy(SymbolicKey)
            .ToDictionary(g => g.Key, g => g.Select(KeyConstraint.From).Aggregate((a, b) => a.And(b))));
        _satisfiable = new(() => _byKey.Value.Values.All(c => c.IsSatisfiable()));
    }

    public IReadOnlyList<NodeRequirement> Requirements { get; }

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
    public bool IsSatisfiable() => _satisfiable.Value;

    /// <summary>Whether one node could meet this term and <paramref name="other"/> at once (as <c>And(other).IsSatisfiable()</c>, cheaper).</summary>
    public bool IsSatisfiableWith(NodeTerm other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!IsSatisfiable() || !other.IsSatisfiable())
        {
            return false;
        }

        var (small, large) = _byKey.Value.Count <= other._byKey.Value.Count ? (_byKey.Value, other._byKey.Value) : (other._byKey.Value, _byKey.Value);
        foreach (var (key, constraint) in small)
        {
            if (large.TryGetValue(key, out var theirs) && !constraint.IsSatisfiableWith(theirs))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The labels (and the node name, under the key <c>(true, "metadata.name")</c>) that the term restricts to a list of
    /// values, with those values: a node can meet the term only with one of them.
    /// </summary>
    public IEnumerable<((bool IsField, string Key) Key, IReadOnlySet<string> Values)> AllowedValuesByKey() =>
        _byKey.Value.Select(entry => (entry.Key, entry.Value.AllowedValues)).Where(entry => entry.AllowedValues is not null).Select(entry => (entry.Key, entry.AllowedValues!));

    /// <summary>The node names (by name or host name) the term allows, or null when it does not restrict them to a list.</summary>
    public IReadOnlySet<string>? AllowedNames() => _byKey.Value.TryGetValue(NameKey, out var names) ? names.AllowedValues : null;

    private static (bool IsField, string Key) SymbolicKey(NodeRequirement requirement) =>
        requirement.IsField || requirement.Key == NodeRequirement.HostnameLabel
            ? (true, requirement.Key == NodeRequirement.HostnameLabel ? NodeRequirement.NameField : requirement.Key)
            : (false, requirement.Key);
}
