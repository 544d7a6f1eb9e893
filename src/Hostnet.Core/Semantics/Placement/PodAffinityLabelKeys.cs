using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Placement;

/// <summary>
/// <c>matchLabelKeys</c> and <c>mismatchLabelKeys</c> of pod (anti-)affinity terms, as the API server applies them when
/// it creates a Pod (pkg/registry/core/pod/strategy.go <c>mutatePodAffinity</c>,
/// <c>applyMatchLabelKeysAndMismatchLabelKeys</c>, <c>applyLabelKeysToLabelSelector</c>; gate
/// MatchLabelKeysInPodAffinity, alpha 1.29–1.30, beta and on by default from 1.31): each key the Pod's labels carry is
/// appended to the term's <c>labelSelector</c> as <c>key In (value)</c>, or <c>key NotIn (value)</c> for a mismatch
/// key; keys the Pod lacks are skipped, and a term without a selector (which matches nothing) stays as it is. The
/// scheduler then reads only the selector. Pods that already exist were merged when created.
/// </summary>
internal static class PodAffinityLabelKeys
{
    /// <summary>The first release whose API server merges the keys (the gate on by default).</summary>
    public static KubeVersion MergedSince { get; } = new(1, 31);

    /// <summary>The spec of a Pod with these labels as the API server stores it on a cluster of <paramref name="version"/>.</summary>
    public static PodSpec Applied(PodSpec spec, IReadOnlyDictionary<string, string> podLabels, KubeVersion version)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(podLabels);
        if (version < MergedSince || !spec.RequiredPodAffinity.Concat(spec.RequiredPodAntiAffinity).Any(HasKeys))
        {
            return spec;
        }

        return spec with
        {
            RequiredPodAffinity = [.. spec.RequiredPodAffinity.Select(t => Apply(t, podLabels))],
            RequiredPodAntiAffinity = [.. spec.RequiredPodAntiAffinity.Select(t => Apply(t, podLabels))],
        };
    }

    /// <summary>One term with its keys merged into its selector.</summary>
    public static PodAffinityTerm Apply(PodAffinityTerm term, IReadOnlyDictionary<string, string> podLabels)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(podLabels);
        if (!HasKeys(term) || term.LabelSelector is not { } selector)
        {
            return term;
        }

        var merged = Requirements(term.MatchLabelKeys, "In", podLabels).Concat(Requirements(term.MismatchLabelKeys, "NotIn", podLabels));
        return term with { LabelSelector = selector with { MatchExpressions = [.. selector.MatchExpressions, .. merged] } };
    }

    private static bool HasKeys(PodAffinityTerm term) => term.MatchLabelKeys.Count > 0 || term.MismatchLabelKeys.Count > 0;

    private static IEnumerable<LabelSelectorRequirement> Requirements(IReadOnlyList<string> keys, string @operator, IReadOnlyDictionary<string, string> podLabels) =>
        keys.Where(podLabels.ContainsKey).Select(key => new LabelSelectorRequirement(key, @operator, [podLabels[key]]));
}
