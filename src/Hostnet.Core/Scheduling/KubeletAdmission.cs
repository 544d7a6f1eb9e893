using System.Globalization;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Scheduling.Plugins;

namespace Hostnet.Core.Scheduling;

/// <summary>
/// What the kubelet does with a pod whose <c>spec.nodeName</c> is set when the pod is created: the scheduler never
/// sees it, and the kubelet re-checks it against the pods it already runs (SEMANTICS.md §4.4). Mirrors
/// pkg/kubelet/lifecycle/predicate.go (Admit, generalFilter, InsufficientResourceError, PredicateFailureError),
/// pkg/scheduler/schedule_one.go (AdmissionCheck: the plugins' own checks — resources, node affinity, node name, node
/// ports — in that order) and pkg/kubelet/kubelet.go (rejectPod: phase Failed, message prefixed with
/// <c>Pod was rejected: </c>), v1.35. The first failure wins; NoExecute taints are checked last (static pods are not
/// modelled).
/// </summary>
internal static class KubeletAdmission
{
    public static AdmissionResult Admit(PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        if (NodeResourcesFitPlugin.Fits(pod, node) is [var insufficient, ..])
        {
            return OutOf(insufficient);
        }

        var eligibility = pod.Spec.Eligibility;
        return !NodeAffinityPlugin.Fits(eligibility, node.Node) ? Predicate(PluginNames.NodeAffinity, NodeAffinityPlugin.ErrReasonPod)
            : !NodeNamePlugin.Fits(pod.Spec.Spec, node.Node) ? Predicate(PluginNames.NodeName, NodeNamePlugin.ErrReason)
            : !NodePortsPlugin.Fits(pod, node) ? Predicate(PluginNames.NodePorts, NodePortsPlugin.ErrReason)
            : !TaintTolerationPlugin.ToleratesNoExecute(eligibility, node.Node) ? Predicate(PluginNames.TaintToleration, TaintTolerationPlugin.ErrReasonNotMatch)
            : AdmissionResult.Admitted;
    }

    private static AdmissionResult OutOf(InsufficientResource resource) => new(
        "OutOf" + resource.ResourceName,
        string.Create(
            CultureInfo.InvariantCulture,
            $"Pod was rejected: Node didn't have enough resource: {resource.ResourceName}, requested: {resource.Requested}, used: {resource.Used}, capacity: {resource.Capacity}"));

    private static AdmissionResult Predicate(string name, string description) =>
        new(name, $"Pod was rejected: Predicate {name} failed: {description}");
}
