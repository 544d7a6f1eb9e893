using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Cache;
using Hostnet.Core.Scheduling.Framework;

namespace Hostnet.Core.Scheduling.Plugins;

/// <summary>
/// pkg/scheduler/framework/plugins/interpodaffinity/filtering.go (v1.35), required terms only. PreFilter counts, per
/// topology domain, the placed pods matching the incoming pod's affinity terms (a pod must match all of them) and
/// anti-affinity terms (each term separately), and the domains where a placed pod's anti-affinity term matches the
/// incoming pod; Filter then checks, in upstream's order, affinity (UnschedulableAndUnresolvable), the pod's own
/// anti-affinity, and the existing pods' anti-affinity. Terms look in their listed namespaces, those their
/// <c>namespaceSelector</c> selects, or the pod's own (<see cref="PodAffinity"/>).
/// </summary>
internal sealed class InterPodAffinityPlugin : IFilterPlugin
{
    /// <summary>ErrReasonExistingAntiAffinityRulesNotMatch.</summary>
    public const string ErrReasonExistingAntiAffinityRulesNotMatch = "node(s) didn't satisfy existing pods anti-affinity rules";

    /// <summary>ErrReasonAffinityRulesNotMatch (UnschedulableAndUnresolvable).</summary>
    public const string ErrReasonAffinityRulesNotMatch = "node(s) didn't match pod affinity rules";

    /// <summary>ErrReasonAntiAffinityRulesNotMatch.</summary>
    public const string ErrReasonAntiAffinityRulesNotMatch = "node(s) didn't match pod anti-affinity rules";

    private static readonly FilterStatus AffinityFails = FilterStatus.Unresolvable(PluginNames.InterPodAffinity, ErrReasonAffinityRulesNotMatch);
    private static readonly FilterStatus AntiAffinityFails = FilterStatus.Unschedulable(PluginNames.InterPodAffinity, ErrReasonAntiAffinityRulesNotMatch);
    private static readonly FilterStatus ExistingAntiAffinityFails = FilterStatus.Unschedulable(PluginNames.InterPodAffinity, ErrReasonExistingAntiAffinityRulesNotMatch);

    public string Name => PluginNames.InterPodAffinity;

    public PreFilterResult PreFilter(PodInfo pod, ClusterState state)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(state);
        var affinity = pod.Spec.Spec.RequiredPodAffinity;
        var antiAffinity = pod.Spec.Spec.RequiredPodAntiAffinity;
        var existing = state.ExistingAntiAffinity.ForbiddenFor(pod, state.NamespaceLabels(pod.Namespace));
        if (existing.Count == 0 && affinity.Count == 0 && antiAffinity.Count == 0)
        {
            return PreFilterResult.Skip;
        }

        var affinityCounts = AffinityCounts(pod, affinity, state);
        var selfMatch = affinity.All(t => PodAffinity.TermMatches(t, pod.Namespace, pod, state));

        // The forbidden domains as the nodes in them (by index), so that Filter asks one set per node, not one per label.
        var antiAffinityNodes = new HashSet<int>();
        foreach (var (key, value) in AntiAffinityCounts(pod, antiAffinity, state))
        {
            antiAffinityNodes.UnionWith(state.NodesLabelled(key, value));
        }

        var existingNodes = new HashSet<int>();
        foreach (var (key, values) in existing)
        {
            foreach (var value in values)
            {
                existingNodes.UnionWith(state.NodesLabelled(key, value));
            }
        }

        return new(node =>
        {
            if (affinity.Count > 0 && !SatisfiesAffinity(affinity, affinityCounts, selfMatch, node.Node.Metadata.Labels))
            {
                return AffinityFails;
            }

            if (antiAffinityNodes.Contains(node.Index))
            {
                return AntiAffinityFails;
            }

            return existingNodes.Contains(node.Index) ? ExistingAntiAffinityFails : FilterStatus.Success;
        });
    }

    /// <summary>
    /// satisfyPodAffinity: every term's domain on this node must hold a matching pod; a pod whose terms match nothing
    /// in the cluster may still go where the labels exist when it matches its own terms (the first of a group).
    /// </summary>
    private static bool SatisfiesAffinity(
        IReadOnlyList<PodAffinityTerm> terms,
        HashSet<(string Key, string Value)> counts,
        bool selfMatch,
        IReadOnlyDictionary<string, string> labels)
    {
        var podsExist = true;
        foreach (var term in terms)
        {
            if (!labels.TryGetValue(term.TopologyKey, out var value))
            {
                return false;
            }

            podsExist &= counts.Contains((term.TopologyKey, value));
        }

        return podsExist || (counts.Count == 0 && selfMatch);
    }

    private static HashSet<(string Key, string Value)> AffinityCounts(PodInfo pod, IReadOnlyList<PodAffinityTerm> terms, ClusterState state)
    {
        var domains = new HashSet<(string Key, string Value)>();
        if (terms.Count == 0)
        {
            return domains;
        }

        foreach (var candidate in PodAffinity.Selected(terms[0], pod.Namespace, state))
        {
            if (terms.All(t => PodAffinity.TermMatches(t, pod.Namespace, candidate, state)) && state.NodeOf(candidate) is { } node)
            {
                AddDomains(domains, terms, node);
            }
        }

        return domains;
    }

    private static HashSet<(string Key, string Value)> AntiAffinityCounts(PodInfo pod, IReadOnlyList<PodAffinityTerm> terms, ClusterState state)
    {
        var domains = new HashSet<(string Key, string Value)>();
        foreach (var term in terms)
        {
            foreach (var candidate in PodAffinity.Selected(term, pod.Namespace, state))
            {
                if (state.NodeOf(candidate) is { } node && node.Node.Metadata.Labels.TryGetValue(term.TopologyKey, out var value))
                {
                    domains.Add((term.TopologyKey, value));
                }
            }
        }

        return domains;
    }

    private static void AddDomains(HashSet<(string Key, string Value)> domains, IReadOnlyList<PodAffinityTerm> terms, NodeInfo node)
    {
        foreach (var term in terms)
        {
            if (node.Node.Metadata.Labels.TryGetValue(term.TopologyKey, out var value))
            {
                domains.Add((term.TopologyKey, value));
            }
        }
    }
}
