using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Placement;

/// <summary>
/// How the DaemonSet controller shapes its pods (SEMANTICS.md §4.3). Mirrors
/// pkg/controller/daemon/util/daemonset_util.go, AddOrUpdateDaemonPodTolerations.
/// </summary>
internal static class DaemonSetPods
{
    private static readonly Toleration[] Always =
    [
        new("node.kubernetes.io/not-ready", "Exists", null, WellKnownTaints.NoExecute),
        new("node.kubernetes.io/unreachable", "Exists", null, WellKnownTaints.NoExecute),
        new("node.kubernetes.io/disk-pressure", "Exists", null, WellKnownTaints.NoSchedule),
        new("node.kubernetes.io/memory-pressure", "Exists", null, WellKnownTaints.NoSchedule),
        new("node.kubernetes.io/pid-pressure", "Exists", null, WellKnownTaints.NoSchedule),
        new("node.kubernetes.io/unschedulable", "Exists", null, WellKnownTaints.NoSchedule),
    ];

    private static readonly Toleration NetworkUnavailable = new("node.kubernetes.io/network-unavailable", "Exists", null, WellKnownTaints.NoSchedule);

    /// <summary>The pod's tolerations plus those the controller adds: the network-unavailable one only on host network.</summary>
    public static IReadOnlyList<Toleration> Tolerations(PodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.HostNetwork ? [.. spec.Tolerations, .. Always, NetworkUnavailable] : [.. spec.Tolerations, .. Always];
    }

    /// <summary>
    /// The spec of the pod the controller creates for one node: its required node affinity is replaced by a single
    /// term <c>matchFields metadata.name In [node]</c> (ReplaceDaemonSetPodNodeNameNodeAffinity); the node selector stays.
    /// </summary>
    public static PodSpec PodFor(PodSpec template, string nodeName)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template with
        {
            RequiredNodeAffinity = [new NodeSelectorTerm([], [new LabelSelectorRequirement(NodeRequirement.NameField, "In", [nodeName])])],
        };
    }
}
