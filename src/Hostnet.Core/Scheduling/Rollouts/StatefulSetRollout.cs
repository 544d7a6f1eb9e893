using System.Globalization;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Controllers;

namespace Hostnet.Core.Scheduling.Rollouts;

/// <summary>
/// A StatefulSet's update replayed as the StatefulSet controller makes it (pkg/controller/statefulset/
/// stateful_set_control.go, updateStatefulSet): RollingUpdate deletes one pod at a time from the highest ordinal down
/// to the partition, recreates it with the same name from the new template and waits for it to be Running and Ready
/// before the next; OnDelete recreates a pod only when someone deletes it (hostnet deletes them in the same order).
/// The verdicts are kubectl rollout status's words (kubectl/pkg/polymorphichelpers/rollout_status.go).
/// </summary>
internal static class StatefulSetRollout
{
    /// <param name="statefulSet">The StatefulSet with its new template.</param>
    /// <param name="oldPods">The old pods by ordinal (<c>&lt;name&gt;-&lt;ordinal&gt;</c>), bound or Pending.</param>
    public static RolloutResult Run(Workload statefulSet, IReadOnlyDictionary<int, RolloutPod> oldPods, IRolloutScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(statefulSet);
        ArgumentNullException.ThrowIfNull(oldPods);
        ArgumentNullException.ThrowIfNull(scheduler);
        var settings = RolloutSettings.For(statefulSet);
        var replicas = statefulSet.EffectiveReplicas;
        var partition = settings.StatefulSetStrategy == "OnDelete" ? 0 : Math.Min(settings.Partition, replicas);
        var updated = 0;
        for (var ordinal = replicas - 1; ordinal >= partition; ordinal--)
        {
            if (oldPods.TryGetValue(ordinal, out var old))
            {
                scheduler.Delete(old);
            }

            var pod = new RolloutPod($"{statefulSet.Name}-{ordinal}", statefulSet.Spec, updated: true, daemonSet: false);
            if (!scheduler.TrySchedule(pod))
            {
                var reason = Invariant($"Waiting for 1 pods to be ready... Pod \"{pod.Name}\" was deleted and recreated from the new template and stays Pending: \"{pod.Message}\". The controller updates one pod at a time, from the highest ordinal down, and waits for each to be Running and Ready: {updated} of {replicas - partition} pods were updated.");
                return new RolloutResult(statefulSet.DisplayName, RolloutOutcome.Stuck, reason);
            }

            updated++;
        }

        var how = settings.StatefulSetStrategy == "OnDelete" ? " (updateStrategy OnDelete: each pod is replaced only once you delete it)" : string.Empty;
        return new RolloutResult(statefulSet.DisplayName, RolloutOutcome.Completes, Invariant($"partitioned roll out complete: {updated} new pods have been updated...{how}"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
