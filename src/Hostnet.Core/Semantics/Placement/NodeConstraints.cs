using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Placement;

/// <summary>
/// The nodes a pod may use as a set of alternatives (terms ORed, requirements ANDed): <c>nodeSelector</c> ANDed into
/// every term of required node affinity. Mirrors k8s.io/component-helpers/scheduling/corev1/nodeaffinity
/// (GetRequiredNodeAffinity, RequiredNodeAffinity.Match): an empty term matches nothing, and no affinity at all
/// leaves one term holding just the node selector.
/// </summary>
public sealed record NodeConstraints(IReadOnlyList<NodeTerm> Terms)
{
    /// <summary>The constraints of <c>nodeSelector</c> and required node affinity, as the NodeAffinity filter reads them.</summary>
    public static NodeConstraints Affinity(PodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var selector = new NodeTerm([.. spec.NodeSelector.Select(l => NodeRequirement.Equal(l.Key, l.Value))]);
        if (spec.RequiredNodeAffinity.Count == 0)
        {
            return new NodeConstraints([selector]);
        }

        return new NodeConstraints([.. spec.RequiredNodeAffinity
            .Where(t => t.MatchExpressions.Count > 0 || t.MatchFields.Count > 0)
            .Select(t => selector.And(new NodeTerm([
                .. t.MatchExpressions.Select(r => new NodeRequirement(r.Key, r.Operator, r.Values, IsField: false)),
                .. t.MatchFields.Select(r => new NodeRequirement(r.Key, r.Operator, r.Values, IsField: true)),
            ])))]);
    }

    public bool Matches(Node node) => Terms.Any(t => t.Matches(node));

    /// <summary>Both constraints at once: a node must meet a term of each.</summary>
    public NodeConstraints And(NodeConstraints other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new NodeConstraints([.. Terms.SelectMany(a => other.Terms.Select(a.And))]);
    }

    /// <summary>
    /// Whether some node could meet both constraints, reasoning on the requirements alone (no Node objects): false
    /// only when every pair of terms is provably contradictory, so that the two can never share a node.
    /// </summary>
    public bool Overlaps(NodeConstraints other)
    {
        ArgumentNullException.ThrowIfNull(other);
        // Index loops: asked for every pair of host-port claims HN012 compares, and foreach over the interface allocates.
        for (var i = 0; i < Terms.Count; i++)
        {
            for (var j = 0; j < other.Terms.Count; j++)
            {
                if (Terms[i].IsSatisfiableWith(other.Terms[j]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The labels (and the node name, keyed as <see cref="NodeTerm.AllowedValuesByKey"/> keys it) that every satisfiable
    /// term restricts to a list, with the values any of them allows; null when no term is satisfiable. Two constraints
    /// whose lists for one key have nothing in common cannot <see cref="Overlaps"/>, which lets a caller index
    /// constraints by value instead of comparing all pairs.
    /// </summary>
    public IReadOnlyDictionary<(bool IsField, string Key), IReadOnlySet<string>>? AllowedValuesByKey()
    {
        Dictionary<(bool IsField, string Key), IReadOnlySet<string>>? common = null;
        foreach (var term in Terms.Where(t => t.IsSatisfiable()))
        {
            var values = term.AllowedValuesByKey().ToDictionary(entry => entry.Key, entry => entry.Values);
            common = common is null
                ? values
                : common.Where(entry => values.ContainsKey(entry.Key))
                    .ToDictionary(entry => entry.Key, entry => (IReadOnlySet<string>)new HashSet<string>(entry.Value.Union(values[entry.Key]), StringComparer.Ordinal));
        }

        return common;
    }

    /// <summary>
    /// The nodes, by name, that can meet the constraints when every term pins a list of them (by <c>metadata.name</c>
    /// or the <c>kubernetes.io/hostname</c> label, taken as the same); null when some term leaves the nodes open.
    /// </summary>
    public IReadOnlySet<string>? PinnedNodes()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in Terms.Where(t => t.IsSatisfiable()))
        {
            if (term.AllowedNames() is not { } allowed)
            {
                return null;
            }

            names.UnionWith(allowed);
        }

        return names;
    }
}
