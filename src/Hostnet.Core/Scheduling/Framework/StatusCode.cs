namespace Hostnet.Core.Scheduling.Framework;

/// <summary>
/// The outcome of a scheduler plugin on one node; names and meaning from kube-scheduler's framework <c>Code</c>
/// (staging/src/k8s.io/kube-scheduler/framework/interface.go).
/// </summary>
internal enum StatusCode
{
    Success,

    /// <summary>The node does not fit now, but evicting lower-priority pods might help (e.g. NodePorts).</summary>
    Unschedulable,

    /// <summary>The node does not fit and preemption cannot change that (taints, node affinity, …).</summary>
    UnschedulableAndUnresolvable,
}
