namespace Hostnet.Core.Model;

/// <summary>A required pod (anti-)affinity term.</summary>
public sealed record PodAffinityTerm(LabelSelector? LabelSelector, string TopologyKey, IReadOnlyList<string> Namespaces);
