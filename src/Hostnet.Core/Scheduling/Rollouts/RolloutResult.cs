namespace Hostnet.Core.Scheduling.Rollouts;

/// <summary>The verdict on one workload's update.</summary>
/// <param name="Workload"><c>Kind/name</c>.</param>
/// <param name="Reason">Why, in Kubernetes' words: the controller's condition, kubectl rollout status, the pending pod's FailedScheduling message.</param>
public sealed record RolloutResult(string Workload, RolloutOutcome Outcome, string Reason)
{
    /// <summary>The outcome as the plan prints it: <c>completes</c> or <c>stuck</c>.</summary>
    public string OutcomeName => Outcome == RolloutOutcome.Stuck ? "stuck" : "completes";
}
