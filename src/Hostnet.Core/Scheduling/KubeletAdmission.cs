using System.Globalization;
using Hostnet.Core.Semantics.Placement;

namespace Hostnet.Core.Scheduling;

/// <summary>
/// What the kubelet does with a pod whose <c>spec.nodeName</c> is set when the pod is created: the scheduler never
/// sees it, and the kubelet re-checks it against the pods it already runs (SEMANTICS.md §4.4). Mirrors
/// pkg/kubelet/lifecycle/predicate.go (Admit, generalFilter, InsufficientResourceError, PredicateFailureError),
/// pkg/scheduler/schedule_one.go (AdmissionCheck: resources, node affinity, node name, node ports) and
/// pkg/kubelet/kubelet.go (rejectPod: phase Failed, message prefixed with <c>Pod was rejected: </c>). The first
/// failure wins; NoExecute taints are checked last (static pods are not modelled).
/// </summary>
public static class KubeletAdmission
{
    /// <summary>tainttoleration.ErrReasonNotMatch, the description the kubelet gives an untolerated NoExecute taint.</summary>
    private const string TaintNotTolerated = "node(s) had taints that the pod didn't tolerate";

    public static AdmissionResult Admit(PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        if (InsufficientResource(pod, node) is { } insufficient)
        {
            return insufficient;
        }

        var eligibility = pod.Spec.Eligibility;
        if (!eligibility.FilterAffinity(node.Node).IsSuccess)
        {
            return Predicate("NodeAffinity", SchedulerReasons.NodeAffinity);
        }

        if (!eligibility.FilterNodeName(node.Node).IsSuccess)
        {
            return Predicate("NodeName", SchedulerReasons.NodeName);
        }

        if (pod.Spec.Ports.Any(p => node.UsedPorts.CheckConflict(p.HostIP, p.Protocol, p.Port)))
        {
            return Predicate("NodePorts", SchedulerReasons.NodePorts);
        }

        return node.Node.Taints.Any(t => t.Effect == WellKnownTaints.NoExecute && !eligibility.Tolerations.Any(tol => tol.Tolerates(t)))
            ? Predicate("TaintToleration", TaintNotTolerated)
            : AdmissionResult.Admitted;
    }

    private static AdmissionResult? InsufficientResource(PodInfo pod, NodeInfo node)
    {
        if (node.Pods.Count + 1 > node.AllowedPods)
        {
            return OutOf("pods", 1, node.Pods.Count, node.AllowedPods);
        }

        var request = pod.Spec.Requests;
        var used = node.Requested;
        var capacity = node.Allocatable;
        return request.MilliCpu > 0 && request.MilliCpu > capacity.MilliCpu - used.MilliCpu ? OutOf("cpu", request.MilliCpu, used.MilliCpu, capacity.MilliCpu)
            : request.Memory > 0 && request.Memory > capacity.Memory - used.Memory ? OutOf("memory", request.Memory, used.Memory, capacity.Memory)
            : request.EphemeralStorage > 0 && request.EphemeralStorage > capacity.EphemeralStorage - used.EphemeralStorage
                ? OutOf("ephemeral-storage", request.EphemeralStorage, used.EphemeralStorage, capacity.EphemeralStorage)
            : null;
    }

    private static AdmissionResult OutOf(string resource, long requested, long used, long capacity) => new(
        "OutOf" + resource,
        string.Create(CultureInfo.InvariantCulture, $"Pod was rejected: Node didn't have enough resource: {resource}, requested: {requested}, used: {used}, capacity: {capacity}"));

    private static AdmissionResult Predicate(string name, string description) =>
        new(name, $"Pod was rejected: Predicate {name} failed: {description}");
}
