using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Plugins;
using Hostnet.Core.Semantics.Controllers;
using Hostnet.Core.Semantics.Placement;

namespace Hostnet.Core.Scheduling.Rollouts;

/// <summary>
/// <c>plan --rollout</c>: updates each Deployment, DaemonSet and StatefulSet of the input in turn, starting from its
/// pods in the snapshot, or, when the snapshot has none, from the previous template placed as it is now, and says
/// whether the update completes or sticks (SEMANTICS.md §9). Pods of other workloads keep their nodes and ports.
/// </summary>
internal static class RolloutSimulator
{
    /// <summary>Whether a change of the workload's template is rolled out by a controller.</summary>
    public static bool Rolls(Workload workload) => workload?.Kind is "Deployment" or "DaemonSet" or "StatefulSet";

    /// <param name="workload">The new version of the workload.</param>
    /// <param name="ownPods">The snapshot's pods that belong to the workload (<see cref="PodOwnership.Owns"/>; empty without a snapshot): its old pods.</param>
    /// <param name="scheduler">The cluster with every other pod already bound.</param>
    /// <param name="newReplicaSet">For a Deployment, the name of its new ReplicaSet.</param>
    public static RolloutResult? Simulate(Workload workload, IReadOnlyList<Node> nodes, IReadOnlyList<ClusterPod> ownPods, IRolloutScheduler scheduler, string newReplicaSet)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(ownPods);
        ArgumentNullException.ThrowIfNull(scheduler);
        var owned = ownPods.Where(p => p.Status.Phase is not ("Succeeded" or "Failed")).ToList();
        RolloutPod Existing(ClusterPod pod)
        {
            var old = new RolloutPod(pod.Pod.Name, pod.Pod.Spec, updated: false, daemonSet: workload.Kind == "DaemonSet");
            if (pod.NodeName is { } node)
            {
                scheduler.Bind(old, node);
            }

            return old;
        }

        RolloutPod Placed(string name, PodSpec spec, bool daemonSet)
        {
            var old = new RolloutPod(name, spec, updated: false, daemonSet);
            scheduler.TrySchedule(old);
            return old;
        }

        switch (workload.Kind)
        {
            case "Deployment":
                var deploymentPods = owned.Count > 0
                    ? owned.Select(Existing).ToList()
                    : [.. Enumerable.Range(0, workload.EffectiveReplicas).Select(i => Placed($"{workload.Name}-old-{i}", workload.Spec, false))];
                return DeploymentRollout.Run(workload, deploymentPods, newReplicaSet, scheduler);

            case "DaemonSet":
                var eligibility = NodeEligibility.ForDaemonSetPod(workload.Spec);
                var daemonNodes = nodes.Where(n => DefaultProfile.Admits(eligibility, n)).Select(n => n.Name).Distinct(StringComparer.Ordinal).ToList();
                var daemonPods = owned.Count > 0
                    ? owned.Select(Existing).Where(p => p.Node is not null).DistinctBy(p => p.Node).ToDictionary(p => p.Node!, StringComparer.Ordinal)
                    : daemonNodes.ToDictionary(n => n, n => Placed($"{workload.Name}-old-{n}", DaemonSetPods.PodFor(workload.Spec, n), true), StringComparer.Ordinal);

                // Pods on nodes the new template no longer selects are deleted, not updated.
                foreach (var stray in daemonPods.Where(p => !daemonNodes.Contains(p.Key)))
                {
                    scheduler.Delete(stray.Value);
                }

                return DaemonSetRollout.Run(workload, daemonPods, daemonNodes, scheduler);

            case "StatefulSet":
                var statefulPods = owned.Count > 0
                    ? owned.Select(p => (Ordinal: RolloutOwnership.Ordinal(workload, p), Pod: p)).Where(p => p.Ordinal >= 0).DistinctBy(p => p.Ordinal).ToDictionary(p => p.Ordinal, p => Existing(p.Pod))
                    : Enumerable.Range(0, workload.EffectiveReplicas).ToDictionary(i => i, i => Placed($"{workload.Name}-{i}", workload.Spec, false));
                return StatefulSetRollout.Run(workload, statefulPods, scheduler);

            default:
                return null;
        }
    }
}
