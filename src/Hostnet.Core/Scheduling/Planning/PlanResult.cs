using Hostnet.Core.Scheduling.Rollouts;

namespace Hostnet.Core.Scheduling.Planning;

/// <summary>The plan: every pod of the cluster after the change, and notes on how hostnet got there.</summary>
/// <param name="Pods">Every pod, sorted by namespace and name as <c>kubectl get pods -A</c> lists them.</param>
/// <param name="NodeCount">The nodes of the cluster planned against.</param>
/// <param name="Notes">Remarks on the input (workloads that already run, pods bound to unknown nodes, …).</param>
public sealed record PlanResult(IReadOnlyList<PlannedPod> Pods, int NodeCount, IReadOnlyList<string> Notes)
{
    /// <summary>The simulated rollouts (<c>--rollout</c>); empty otherwise.</summary>
    public IReadOnlyList<RolloutResult> Rollouts { get; init; } = [];

    /// <summary>Objects of the input the cluster refuses (the API server, or Pod Security for their pods), in input order.</summary>
    public IReadOnlyList<RefusedObject> Refused { get; init; } = [];

    /// <summary>Whether a pod of the input would not run, or an object of the input is refused.</summary>
    public bool InputWouldNotRun => Refused.Count > 0 || Pods.Any(p => p.FromInput && p.WouldNotRun);

    /// <summary>
    /// Per workload of the input, how many of its pods cannot run whatever the scheduler chooses and how many it has,
    /// for the "k of n replicas" sentence; only workloads with such pods.
    /// </summary>
    public IEnumerable<(string Owner, int Stuck, int Total)> CertainFailures =>
        Pods.Where(p => p.FromInput)
            .GroupBy(p => (p.Namespace, p.Owner))
            .Select(g => (g.Key.Owner, Stuck: g.Count(p => p.WouldNotRun && p.Certain), Total: g.Count()))
            .Where(g => g.Stuck > 0);
}
