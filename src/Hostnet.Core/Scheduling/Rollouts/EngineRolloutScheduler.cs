using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Cache;
using Hostnet.Core.Scheduling.Framework;

namespace Hostnet.Core.Scheduling.Rollouts;

/// <summary>
/// A rollout's scheduler: kube-scheduler's default profile (<see cref="Scheduler"/>) over a <see cref="ClusterState"/>
/// holding every other pod of the cluster, so a new pod gets exactly the FailedScheduling message plan gives it.
/// </summary>
internal sealed class EngineRolloutScheduler(Scheduler scheduler, ClusterState state, Workload workload, string @namespace) : IRolloutScheduler
{
    private readonly Dictionary<RolloutPod, PodInfo> _pods = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<PodSpec, SchedulingSpec> _specs = new(ReferenceEqualityComparer.Instance);

    public bool TrySchedule(RolloutPod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var info = Info(pod);
        var result = scheduler.Schedule(info, state);
        if (result.NodeName is not { } node)
        {
            pod.Message = result.Message;
            return false;
        }

        state.Add(info, node);
        pod.Node = node;
        pod.Message = null;
        return true;
    }

    public void Bind(RolloutPod pod, string node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (state.Find(node) is not null)
        {
            state.Add(Info(pod), node);
            pod.Node = node;
        }
    }

    public void Delete(RolloutPod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (_pods.TryGetValue(pod, out var info))
        {
            state.Remove(info);
        }

        pod.Node = null;
    }

    // Pods of one template share one SchedulingSpec, as replicas do in plan (the scheduler caches by it).
    private PodInfo Info(RolloutPod pod)
    {
        if (!_pods.TryGetValue(pod, out var info))
        {
            if (!_specs.TryGetValue(pod.Spec, out var spec))
            {
                spec = pod.DaemonSet ? SchedulingSpec.ForDaemonSetPod(pod.Spec) : SchedulingSpec.ForPod(pod.Spec);
                _specs[pod.Spec] = spec;
            }

            info = new PodInfo(@namespace, pod.Name, workload.Template.Metadata.Labels, spec, workload.DisplayName);
            _pods[pod] = info;
        }

        return info;
    }
}
