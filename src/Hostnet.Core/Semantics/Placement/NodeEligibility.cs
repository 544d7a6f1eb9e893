using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Placement;

/// <summary>
/// What a pod of a spec asks of its node by itself, without other pods: its tolerations and its constraints on the
/// node's labels and name. The scheduler's node-only filter plugins read it (Scheduling/Plugins, in profile order in
/// <c>DefaultProfile</c>); without Node objects it answers symbolically whether two specs can share a node and how many
/// nodes a spec is pinned to.
/// </summary>
public sealed class NodeEligibility
{
    private NodeEligibility(PodSpec spec, IReadOnlyList<Toleration> tolerations)
    {
        Spec = spec;
        Tolerations = tolerations;
        Affinity = NodeConstraints.Affinity(spec);
        Placement = string.IsNullOrEmpty(spec.NodeName)
            ? Affinity
            : Affinity.And(new NodeConstraints([new NodeTerm([NodeRequirement.NameIs(spec.NodeName)])]));
    }

    public PodSpec Spec { get; }

    /// <summary>The tolerations the pod will carry.</summary>
    public IReadOnlyList<Toleration> Tolerations { get; }

    /// <summary><c>nodeSelector</c> and required node affinity.</summary>
    public NodeConstraints Affinity { get; }

    /// <summary><see cref="Affinity"/> and <c>nodeName</c>: every constraint on the node's labels and name.</summary>
    public NodeConstraints Placement { get; }

    /// <summary>For a pod created from the spec as written (Pods, Deployments, Jobs, …).</summary>
    public static NodeEligibility ForPod(PodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new NodeEligibility(spec, spec.Tolerations);
    }

    /// <summary>
    /// For the pods of a DaemonSet, with the tolerations the controller adds. The node-only filters pass a node exactly
    /// when the controller runs a pod there (daemon_controller.go, predicates: node name, node affinity, untolerated
    /// NoSchedule/NoExecute taints; a cordoned node passes thanks to the unschedulable toleration).
    /// </summary>
    public static NodeEligibility ForDaemonSetPod(PodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new NodeEligibility(spec, DaemonSetPods.Tolerations(spec));
    }

    /// <summary>The node's first NoSchedule or NoExecute taint that no toleration tolerates (FindMatchingUntoleratedTaint).</summary>
    public Taint? FirstUntoleratedTaint(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Taints.FirstOrDefault(t => WellKnownTaints.KeepsPodsOff(t) && !Tolerations.Any(tol => tol.Tolerates(t)));
    }

    /// <summary>Whether a pod of this spec and one of <paramref name="other"/> could ever run on the same node.</summary>
    public bool CanShareNodeWith(NodeEligibility other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Placement.Overlaps(other.Placement);
    }

    /// <summary>The nodes the pod is pinned to by name or host name (<c>nodeName</c> included); null when open.</summary>
    public IReadOnlySet<string>? PinnedNodes() => Placement.PinnedNodes();

    /// <summary>
    /// The node names NodeAffinity's PreFilter restricts the pod to (node_affinity.go, PreFilter): when every term
    /// names nodes with <c>matchFields metadata.name In</c>, only those nodes are filtered and the rest are reported
    /// as left out. Null when the filters run on every node.
    /// </summary>
    public IReadOnlySet<string>? PreFilterNodeNames()
    {
        if (Spec.RequiredNodeAffinity.Count == 0)
        {
            return null;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in Spec.RequiredNodeAffinity)
        {
            HashSet<string>? termNames = null;
            foreach (var field in term.MatchFields.Where(f => f.Key == NodeRequirement.NameField && f.Operator == "In"))
            {
                termNames = termNames is null ? new HashSet<string>(field.Values, StringComparer.Ordinal) : [.. termNames.Intersect(field.Values)];
            }

            if (termNames is null)
            {
                return null;
            }

            names.UnionWith(termNames);
        }

        return names.Count == 0 ? null : names;
    }
}
