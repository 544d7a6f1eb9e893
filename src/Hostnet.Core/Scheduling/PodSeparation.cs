using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Scheduling;

/// <summary>
/// Whether the scheduler never places two pods of one workload on the same node. Two things guarantee it:
/// declared host ports, since a pod's ports always conflict with an identical pod's (NodePorts filter, SEMANTICS.md §3),
/// and a required pod anti-affinity term on <c>kubernetes.io/hostname</c> that selects the workload's own pods
/// (InterPodAffinity filter). Every node carries the hostname label; coarser keys such as
/// <c>topology.kubernetes.io/zone</c> do not separate pods on nodes that lack the label, so they do not count.
/// Preferred anti-affinity and topology spread constraints only score or skew, so they do not count either.
/// </summary>
internal static class PodSeparation
{
    public const string HostnameTopologyKey = "kubernetes.io/hostname";

    /// <param name="workload">The workload whose pods are asked about.</param>
    /// <param name="namespace">The namespace its pods land in.</param>
    /// <param name="hostPorts">The host ports its pods want (<see cref="HostPorts.Wanted"/>, as the caller holds them).</param>
    public static bool OnePerNode(Workload workload, string @namespace, IReadOnlyList<HostPortBinding> hostPorts)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(hostPorts);
        return hostPorts.Count > 0 || HasSelfAntiAffinity(workload, @namespace);
    }

    private static bool HasSelfAntiAffinity(Workload workload, string @namespace) =>
        workload.Spec.RequiredPodAntiAffinity.Any(term =>
            term.TopologyKey == HostnameTopologyKey
            && term.LabelSelector is { } selector
            && selector.Matches(workload.Template.Metadata.Labels)
            && (term.Namespaces.Count == 0 || term.Namespaces.Contains(@namespace)));
}
