using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Cache;
using Hostnet.Core.Scheduling.Expansion;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Semantics.Controllers;

namespace Hostnet.Core.Scheduling.Rollouts;

/// <summary>
/// <c>plan --rollout</c>: one <see cref="RolloutSimulator"/> run per Deployment, DaemonSet and StatefulSet of the
/// input, each over the snapshot's other pods (bound, not finished) and kube-scheduler's default profile.
/// </summary>
internal static class RolloutPlanner
{
    public static IReadOnlyList<RolloutResult> Simulate(ClusterSnapshot cluster, IEnumerable<Workload> workloads, KubeVersion version, string defaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(workloads);
        var results = new List<RolloutResult>();
        var rolled = workloads.Where(RolloutSimulator.Rolls)
            .Select(w => (Workload: w, Namespace: w.NamespaceOr(defaultNamespace)))
            .OrderBy(w => w.Namespace, StringComparer.Ordinal).ThenBy(w => w.Workload.DisplayName, StringComparer.Ordinal);
        foreach (var (workload, @namespace) in rolled)
        {
            // A fresh state per workload: each update is replayed on its own, from the cluster as it is.
            var state = new ClusterState(cluster.Nodes);
            var own = cluster.Pods.ToLookup(p => PodOwnership.Owns(workload, @namespace, p, defaultNamespace));
            foreach (var pod in own[false].Where(p => p.NodeName is not null && p.Status.Phase is not ("Succeeded" or "Failed")))
            {
                if (state.Find(pod.NodeName) is not null)
                {
                    var owner = pod.Controller is { } controller ? $"{controller.Kind}/{controller.Name}" : pod.Pod.DisplayName;
                    var info = new PodInfo(pod.Pod.NamespaceOr(defaultNamespace), pod.Pod.Name, pod.Pod.Metadata.Labels, SchedulingSpec.ForPod(pod.Pod.Spec), owner) { Terminating = pod.Status.Terminating };
                    state.Add(info, pod.NodeName!);
                }
            }

            var scheduler = new EngineRolloutScheduler(new Scheduler(version), state, workload, @namespace);
            var replicaSet = $"{workload.Name}-{ControllerNames.PodTemplateHash(workload)}";
            if (RolloutSimulator.Simulate(workload, cluster.Nodes, [.. own[true]], scheduler, replicaSet) is { } result)
            {
                results.Add(result);
            }
        }

        return results;
    }
}
