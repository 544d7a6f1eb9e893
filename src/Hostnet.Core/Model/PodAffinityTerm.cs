namespace Hostnet.Core.Model;

/// <summary>A required pod (anti-)affinity term.</summary>
public sealed record PodAffinityTerm(LabelSelector? LabelSelector, string TopologyKey, IReadOnlyList<string> Namespaces)
{
    /// <summary><c>namespaceSelector</c>: null selects no namespace, an empty selector every namespace.</summary>
    public LabelSelector? NamespaceSelector { get; init; }
}
