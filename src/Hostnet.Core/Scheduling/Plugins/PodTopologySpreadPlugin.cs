using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Cache;
using Hostnet.Core.Scheduling.Framework;

namespace Hostnet.Core.Scheduling.Plugins;

/// <summary>
/// pkg/scheduler/framework/plugins/podtopologyspread/filtering.go (v1.35), <c>DoNotSchedule</c> constraints. PreFilter counts
/// the matching pods (same namespace, not terminating) per domain over the nodes that count: nodes carrying every
/// constraint's topology key and, for each constraint by its own policies, matching the pod's node affinity unless
/// <c>nodeAffinityPolicy: Ignore</c>, and free of untolerated taints only with <c>nodeTaintsPolicy: Honor</c>
/// (calPreFilterState, matchNodeInclusionPolicies). Filter rejects a node without the key
/// (UnschedulableAndUnresolvable) or where the pod would raise the skew above <c>maxSkew</c>; with fewer domains than
/// <c>minDomains</c> the global minimum is 0. <c>matchLabelKeys</c> values of the pod are ANDed into the selector.
/// </summary>
internal sealed class PodTopologySpreadPlugin : IFilterPlugin
{
    /// <summary>ErrReasonConstraintsNotMatch.</summary>
    public const string ErrReasonConstraintsNotMatch = "node(s) didn't match pod topology spread constraints";

    /// <summary>ErrReasonNodeLabelNotMatch (UnschedulableAndUnresolvable).</summary>
    public const string ErrReasonNodeLabelNotMatch = ErrReasonConstraintsNotMatch + " (missing required label)";

    private static readonly FilterStatus MissingLabel = FilterStatus.Unresolvable(PluginNames.PodTopologySpread, ErrReasonNodeLabelNotMatch);
    private static readonly FilterStatus SkewTooLarge = FilterStatus.Unschedulable(PluginNames.PodTopologySpread, ErrReasonConstraintsNotMatch);

    public string Name => PluginNames.PodTopologySpread;

    public PreFilterResult PreFilter(PodInfo pod, ClusterState state)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(state);
        var constraints = pod.Spec.Spread;
        if (constraints.Count == 0)
        {
            return PreFilterResult.Skip;
        }

        var counting = state.PerSpec(pod.Spec, Name, () => CountingNodes(pod.Spec, state));
        var checks = constraints.Select((c, i) => Count(pod, c, counting[i], state)).ToArray();
        return new(node =>
        {
            foreach (var (constraint, selfMatch, counts, minimum) in checks)
            {
                if (!node.Node.Metadata.Labels.TryGetValue(constraint.TopologyKey, out var value))
                {
                    return MissingLabel;
                }

                if ((long)counts.GetValueOrDefault(value) + selfMatch - minimum > constraint.MaxSkew)
                {
                    return SkewTooLarge;
                }
            }

            return FilterStatus.Success;
        });
    }

    /// <summary>
    /// Which nodes count for each constraint's spread, by constraint and node index: those with every topology key
    /// that the constraint's own nodeInclusionPolicies admit.
    /// </summary>
    private static bool[][] CountingNodes(SchedulingSpec spec, ClusterState state)
    {
        var labelled = state.Nodes.Select(node => spec.Spread.All(c => node.Node.Metadata.Labels.ContainsKey(c.TopologyKey))).ToArray();
        return [.. spec.Spread.Select(c => state.Nodes.Select(node =>
            labelled[node.Index]
            && (c.NodeAffinityPolicy == "Ignore" || spec.Eligibility.Affinity.Matches(node.Node))
            && (c.NodeTaintsPolicy != "Honor" || spec.Eligibility.FirstUntoleratedTaint(node.Node) is null)).ToArray())];
    }

    private static (TopologySpreadConstraint Constraint, int SelfMatch, Dictionary<string, int> Counts, long Minimum) Count(
        PodInfo pod, TopologySpreadConstraint constraint, bool[] counting, ClusterState state)
    {
        var selector = Selector(pod, constraint);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in state.Nodes.Where(n => counting[n.Index]))
        {
            counts.TryAdd(node.Node.Metadata.Labels[constraint.TopologyKey], 0);
        }

        foreach (var other in state.Labels.Matching(pod.Namespace, selector))
        {
            if (!other.Terminating && state.NodeOf(other) is { } node && counting[node.Index])
            {
                counts[node.Node.Metadata.Labels[constraint.TopologyKey]]++;
            }
        }

        long minimum = counts.Count < (constraint.MinDomains ?? 0) ? 0 : counts.Count == 0 ? int.MaxValue : counts.Values.Min();
        var selfMatch = selector is not null && selector.Matches(pod.Labels) ? 1 : 0;
        return (constraint, selfMatch, counts, minimum);
    }

    private static LabelSelector? Selector(PodInfo pod, TopologySpreadConstraint constraint)
    {
        if (constraint.LabelSelector is not { } selector || constraint.MatchLabelKeys.Count == 0)
        {
            return constraint.LabelSelector;
        }

        var extra = constraint.MatchLabelKeys
            .Where(pod.Labels.ContainsKey)
            .Select(key => new LabelSelectorRequirement(key, "In", [pod.Labels[key]]));
        return selector with { MatchExpressions = [.. selector.MatchExpressions, .. extra] };
    }
}
