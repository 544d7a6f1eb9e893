namespace Hostnet.Core.Model;

/// <summary>One <c>topologySpreadConstraints</c> entry.</summary>
/// <param name="WhenUnsatisfiable"><c>DoNotSchedule</c> (a filter) or <c>ScheduleAnyway</c> (a score only).</param>
/// <param name="MinDomains">The minimum number of domains; below it the global minimum counts as 0.</param>
/// <param name="MatchLabelKeys">Pod label keys whose values are ANDed into the selector.</param>
/// <param name="NodeAffinityPolicy"><c>Honor</c> (default) or <c>Ignore</c>: whether nodes the pod's node affinity excludes count.</param>
/// <param name="NodeTaintsPolicy"><c>Ignore</c> (default) or <c>Honor</c>: whether nodes with untolerated taints count.</param>
public sealed record TopologySpreadConstraint(
    int MaxSkew,
    string TopologyKey,
    string WhenUnsatisfiable,
    LabelSelector? LabelSelector,
    int? MinDomains,
    IReadOnlyList<string> MatchLabelKeys,
    string? NodeAffinityPolicy,
    string? NodeTaintsPolicy)
{
    public bool IsFilter => WhenUnsatisfiable == "DoNotSchedule";
}
