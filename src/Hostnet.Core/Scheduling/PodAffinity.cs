using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Framework;

namespace Hostnet.Core.Scheduling;

/// <summary>How a pod (anti-)affinity term selects pods (scheduler framework types.go, AffinityTerm.Matches).</summary>
internal static class PodAffinity
{
    /// <summary>
    /// The namespaces a term looks in: those it lists, else the namespace of the pod that carries it
    /// (<c>namespaceSelector</c> is not read).
    /// </summary>
    public static IReadOnlyList<string> Namespaces(PodAffinityTerm term, string ownerNamespace) =>
        term.Namespaces.Count > 0 ? term.Namespaces : [ownerNamespace];

    /// <summary>Whether a term of a pod in <paramref name="ownerNamespace"/> selects <paramref name="pod"/>.</summary>
    public static bool TermMatches(PodAffinityTerm term, string ownerNamespace, PodInfo pod) =>
        term.LabelSelector is { } selector
        && Namespaces(term, ownerNamespace).Contains(pod.Namespace)
        && selector.Matches(pod.Labels);
}
