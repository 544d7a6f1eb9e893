namespace Hostnet.Core.Scheduling.Planning;

/// <summary>What a simulated rollout of one workload does (filled by <c>--rollout</c>).</summary>
/// <param name="Workload">The workload, <c>Kind/name</c>.</param>
/// <param name="Outcome"><c>completes</c> or <c>stuck</c>.</param>
/// <param name="Reason">Why, in the user's terms.</param>
public sealed record RolloutOutcome(string Workload, string Outcome, string Reason);
