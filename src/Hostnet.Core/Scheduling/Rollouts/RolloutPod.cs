using Hostnet.Core.Model;

namespace Hostnet.Core.Scheduling.Rollouts;

/// <summary>
/// One pod of a workload during a simulated update. Identity is the instance, as in the scheduler's state.
/// </summary>
/// <param name="spec">The pod's spec; for a DaemonSet pod already pinned to its node (DaemonSetPods.PodFor).</param>
/// <param name="updated">Whether the pod runs the new template.</param>
/// <param name="daemonSet">Whether the DaemonSet controller created it (it tolerates what DaemonSet pods tolerate).</param>
internal sealed class RolloutPod(string name, PodSpec spec, bool updated, bool daemonSet)
{
    public string Name { get; } = name;

    public PodSpec Spec { get; } = spec;

    public bool Updated { get; } = updated;

    public bool DaemonSet { get; } = daemonSet;

    /// <summary>The node the pod is bound to; null while it is Pending.</summary>
    public string? Node { get; set; }

    /// <summary>The scheduler's last FailedScheduling message while Pending.</summary>
    public string? Message { get; set; }

    /// <summary>Bound pods are taken as available: hostnet does not model readiness.</summary>
    public bool Available => Node is not null;

    public override string ToString() => Name;
}
