using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Cache;
using Hostnet.Core.Scheduling.Framework;

namespace Hostnet.Core.Scheduling;

/// <summary>
/// How a pod (anti-)affinity term selects pods (scheduler framework types.go <c>AffinityTerm.Matches</c> and
/// <c>getNamespacesFromPodAffinityTerm</c>, v1.35): a term looks in the namespaces it lists and in those its
/// <c>namespaceSelector</c> selects by their labels (an empty selector: all); with neither, in the namespace of the pod
/// that carries it.
/// </summary>
internal static class PodAffinity
{
    /// <summary>Whether a term of a pod in <paramref name="ownerNamespace"/> looks in <paramref name="namespace"/>.</summary>
    public static bool LooksIn(PodAffinityTerm term, string ownerNamespace, string @namespace, ClusterState state) =>
        term.Namespaces.Contains(@namespace)
        || (term.NamespaceSelector is { } selector
            ? selector.Matches(state.NamespaceLabels(@namespace))
            : term.Namespaces.Count == 0 && @namespace == ownerNamespace);

    /// <summary>Whether a term of a pod in <paramref name="ownerNamespace"/> selects <paramref name="pod"/>.</summary>
    public static bool TermMatches(PodAffinityTerm term, string ownerNamespace, PodInfo pod, ClusterState state) =>
        term.LabelSelector is { } selector
        && LooksIn(term, ownerNamespace, pod.Namespace, state)
        && selector.Matches(pod.Labels);

    /// <summary>The placed pods a term of a pod in <paramref name="ownerNamespace"/> selects.</summary>
    public static IEnumerable<PodInfo> Selected(PodAffinityTerm term, string ownerNamespace, ClusterState state)
    {
        IEnumerable<string> namespaces = term.NamespaceSelector is null
            ? term.Namespaces.Count > 0 ? term.Namespaces : [ownerNamespace]
            : state.Labels.Namespaces.Where(ns => LooksIn(term, ownerNamespace, ns, state));
        return namespaces.SelectMany(ns => state.Labels.Matching(ns, term.LabelSelector));
    }
}
