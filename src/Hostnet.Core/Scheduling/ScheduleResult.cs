namespace Hostnet.Core.Scheduling;

/// <summary>What one scheduling cycle decided for a pod.</summary>
/// <param name="NodeName">The chosen node, or null when the pod stays Pending.</param>
/// <param name="FeasibleNodes">How many nodes passed every filter among those examined (upstream stops looking once it has enough).</param>
/// <param name="ExaminedAllNodes">Whether every candidate node was filtered, so <paramref name="FeasibleNodes"/> is the full count.</param>
/// <param name="Message">For a pod that fits no node, the <c>FailedScheduling</c> event message (<c>FitError.Error()</c>); else null.</param>
/// <param name="NominatedNode">A node where evicting lower-priority pods would make room (preemption), or null.</param>
public sealed record ScheduleResult(string? NodeName, int FeasibleNodes, bool ExaminedAllNodes, string? Message, string? NominatedNode = null)
{
    public bool IsScheduled => NodeName is not null;

    /// <summary>Whether the pod could go to exactly one node, so the choice did not depend on scoring.</summary>
    public bool OnlyChoice => IsScheduled && FeasibleNodes == 1 && ExaminedAllNodes;
}
