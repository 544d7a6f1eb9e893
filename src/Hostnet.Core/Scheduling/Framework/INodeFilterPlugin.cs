using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Cache;
using Hostnet.Core.Semantics.Placement;

namespace Hostnet.Core.Scheduling.Framework;

/// <summary>
/// A filter plugin whose verdict depends on the pod's spec and the node alone, never on other pods. Such plugins come
/// first in the profile, so their verdicts can be computed once per spec and reused, and they answer for a bare
/// <see cref="Node"/> too (the DaemonSet controller's and the rules' questions, without a cluster state).
/// </summary>
internal interface INodeFilterPlugin : IFilterPlugin
{
    /// <summary>The plugin's Filter for a pod of this placement on the node.</summary>
    FilterStatus Filter(NodeEligibility pod, Node node);

    PreFilterResult IFilterPlugin.PreFilter(PodInfo pod, ClusterState state)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return new(node => Filter(pod.Spec.Eligibility, node.Node));
    }
}
