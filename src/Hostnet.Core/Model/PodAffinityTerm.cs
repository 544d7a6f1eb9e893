namespace Hostnet.Core.Model;

/// <summary>A required pod (anti-)affinity term.</summary>
public sealed record PodAffinityTerm(LabelSelector? LabelSelector, string TopologyKey, IReadOnlyList<string> Namespaces)
{
    /// <summary><c>namespaceSelector</c>: null selects no namespace, an empty selector every namespace.</summary>
    public LabelSelector? NamespaceSelector { get; init; }

    /// <summary><c>matchLabelKeys</c>: the incoming pod's values of these labels, ANDed into the selector as <c>In</c> (PodAffinityLabelKeys).</summary>
    public IReadOnlyList<string> MatchLabelKeys { get; init; } = [];

    /// <summary><c>mismatchLabelKeys</c>: the same, as <c>NotIn</c>.</summary>
    public IReadOnlyList<string> MismatchLabelKeys { get; init; } = [];
}
