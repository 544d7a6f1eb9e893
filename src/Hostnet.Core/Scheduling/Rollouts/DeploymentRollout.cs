using System.Globalization;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Controllers;

namespace Hostnet.Core.Scheduling.Rollouts;

/// <summary>
/// A Deployment's update replayed step by step as the deployment controller makes it (SEMANTICS.md §9.2).
/// RollingUpdate mirrors pkg/controller/deployment/rolling.go (reconcileNewReplicaSet with NewRSNewReplicas: scale
/// up to replicas + maxSurge; reconcileOldReplicaSets: scale down only while replicas - maxUnavailable stay
/// available, unhealthy old pods first); Recreate mirrors recreate.go (every old pod goes before a new one is made).
/// A rollout that stops short ends, after progressDeadlineSeconds, in the Progressing condition of
/// pkg/controller/deployment/util/deployment_util.go (TimedOutReason, NewRSNewReplicas messages).
/// </summary>
internal static class DeploymentRollout
{
    public const string TimedOutReason = "ProgressDeadlineExceeded";

    /// <param name="deployment">The Deployment with its new template.</param>
    /// <param name="oldPods">The pods of the previous ReplicaSets, bound (available) or Pending.</param>
    /// <param name="newReplicaSet">The name of the new ReplicaSet (<c>&lt;deployment&gt;-&lt;pod-template-hash&gt;</c>).</param>
    public static RolloutResult Run(Workload deployment, IReadOnlyList<RolloutPod> oldPods, string newReplicaSet, IRolloutScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(oldPods);
        ArgumentNullException.ThrowIfNull(scheduler);
        var replicas = deployment.EffectiveReplicas;
        var old = oldPods.ToList();
        var created = new List<RolloutPod>();
        var settings = RolloutSettings.For(deployment);
        RolloutPod NewPod() => new($"{newReplicaSet}-{created.Count}", deployment.Spec, updated: true, daemonSet: false);

        var budget = RolloutBudget.ForDeployment(deployment);
        if (budget is null)
        {
            // Recreate: scale every old ReplicaSet to 0, wait for their pods to go, then create the new ones.
            foreach (var pod in old)
            {
                scheduler.Delete(pod);
            }

            old.Clear();
            for (var i = 0; i < replicas; i++)
            {
                var pod = NewPod();
                created.Add(pod);
                scheduler.TrySchedule(pod);
            }
        }
        else
        {
            RollingUpdate(replicas, budget, old, created, NewPod, scheduler);
        }

        var name = deployment.Name;
        var pending = created.Where(p => !p.Available).ToList();
        if (pending.Count == 0 && created.Count == replicas && old.Count == 0)
        {
            var how = budget is null ? " (strategy Recreate: every old pod is removed before the new ones start, so nothing serves meanwhile)" : string.Empty;
            return new RolloutResult(deployment.DisplayName, RolloutOutcome.Completes, $"deployment \"{name}\" successfully rolled out{how}");
        }

        var reason = Invariant(
            $"Progressing=False, reason {TimedOutReason}: ReplicaSet \"{newReplicaSet}\" has timed out progressing. After progressDeadlineSeconds ({settings.ProgressDeadlineSeconds}s), kubectl rollout status says: error: deployment \"{name}\" exceeded its progress deadline; nothing rolls back by itself. ");
        reason += Invariant($"The new ReplicaSet has {created.Count} of {replicas} pods and {pending.Count} {(pending.Count == 1 ? "is" : "are")} Pending: \"{pending.FirstOrDefault()?.Message}\". ");
        reason += budget is null
            ? "Strategy Recreate removed every old pod first, so the new pods compete with nothing of their own: they cannot run anywhere."
            : Invariant($"An old pod may go only while {replicas - budget.Unavailable} of {replicas} stay available ({Unavailable(budget, replicas)}), so {old.Count} old pods keep their nodes.");
        if (budget is { Surge: > 0, Unavailable: 0 })
        {
            // The classic stall: only an old pod's node could take a new one, and no old pod may go first.
            reason += " Set maxSurge: 0 with maxUnavailable: 1, or strategy: Recreate.";
        }

        return new RolloutResult(deployment.DisplayName, RolloutOutcome.Stuck, reason);
    }

    private static void RollingUpdate(int replicas, RolloutBudget budget, List<RolloutPod> old, List<RolloutPod> created, Func<RolloutPod> newPod, IRolloutScheduler scheduler)
    {
        // Each round either creates, deletes or binds a pod; the bound keeps a broken input from looping.
        for (var round = 0; round < 4 * (replicas + budget.Surge + 2); round++)
        {
            var changed = false;

            // reconcileNewReplicaSet: NewRSNewReplicas caps the total at replicas + maxSurge.
            var scaleUp = Math.Min(replicas + budget.Surge - (old.Count + created.Count), replicas - created.Count);
            for (var i = 0; i < scaleUp; i++)
            {
                var pod = newPod();
                created.Add(pod);
                scheduler.TrySchedule(pod);
                changed = true;
            }

            // reconcileOldReplicaSets: nothing goes unless the pods beyond minAvailable and the new unavailable ones allow it.
            var minAvailable = replicas - budget.Unavailable;
            var newUnavailable = created.Count(p => !p.Available);
            var maxScaledDown = old.Count + created.Count - minAvailable - newUnavailable;
            if (maxScaledDown > 0)
            {
                // cleanupUnhealthyReplicas: unavailable old pods first, within maxScaledDown.
                foreach (var pod in old.Where(p => !p.Available).Take(maxScaledDown).ToList())
                {
                    old.Remove(pod);
                    changed = true;
                }

                // scaleDownOldReplicaSetsForRollingUpdate: only what keeps minAvailable available.
                var available = old.Count(p => p.Available) + created.Count(p => p.Available);
                foreach (var pod in old.Take(Math.Max(0, available - minAvailable)).ToList())
                {
                    scheduler.Delete(pod);
                    old.Remove(pod);
                    changed = true;
                }
            }

            // The scheduler retries Pending pods when pods go.
            foreach (var pod in created.Where(p => !p.Available))
            {
                changed |= scheduler.TrySchedule(pod);
            }

            if (!changed)
            {
                return;
            }
        }
    }

    private static string Unavailable(RolloutBudget budget, int replicas) => budget.MaxUnavailable.IsPercent
        ? Invariant($"maxUnavailable {budget.MaxUnavailable}{(budget.MaxUnavailableDefaulted ? " (default)" : string.Empty)} of {replicas} rounds down to {budget.Unavailable}")
        : Invariant($"maxUnavailable {budget.Unavailable}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
