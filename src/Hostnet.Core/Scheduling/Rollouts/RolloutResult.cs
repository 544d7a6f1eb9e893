namespace Hostnet.Core.Scheduling.Rollouts;

/// <summary>The verdict on one workload's update.</summary>
/// <param name="Workload"><c>Kind/name</c>.</param>
/// <param name="Reason">Why, in Kubernetes' words: the controller's condition, kubectl rollout status, the pending pod's FailedScheduling message.</param>
public sealed record RolloutResult(string Workload, RolloutOutcome Outcome, string Reason);
