using Hostnet.Core.Scheduling.Cache;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Scheduling.Plugins;

/// <summary>
/// pkg/scheduler/framework/plugins/nodeports/node_ports.go (v1.35): PreFilter skips pods without host ports (host
/// network alone never counts, SEMANTICS.md §3.1); Filter rejects a node where any wanted port conflicts with a used one.
/// </summary>
internal sealed class NodePortsPlugin : IFilterPlugin
{
    /// <summary>ErrReason.</summary>
    public const string ErrReason = "node(s) didn't have free ports for the requested pod ports";

    private static readonly FilterStatus Conflict = FilterStatus.Unschedulable(PluginNames.NodePorts, ErrReason);
    private static readonly PreFilterResult FreeEverywhere = new(static _ => FilterStatus.Success);

    public string Name => PluginNames.NodePorts;

    /// <summary>Fits: whether none of the pod's host ports conflicts with one used on the node (the kubelet's admission asks it too).</summary>
    public static bool Fits(PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(node);
        return FitsPorts(pod.Spec.Ports, node);
    }

    public PreFilterResult PreFilter(PodInfo pod, ClusterState state)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(state);
        var ports = pod.Spec.Ports;
        if (ports.Count == 0)
        {
            return PreFilterResult.Skip;
        }

        // A number nobody claims on any node cannot conflict: such ports are left out, and a pod left with none passes
        // every node.
        var claimed = ports.Where(p => state.IsClaimed(p.Port)).ToArray();
        return claimed.Length == 0 ? FreeEverywhere : new(node => FitsPorts(claimed, node) ? FilterStatus.Success : Conflict);
    }

    /// <summary>fitsPorts: the node's port-number mask first, then its used ports.</summary>
    private static bool FitsPorts(IReadOnlyList<HostPortBinding> wanted, NodeInfo node)
    {
        for (var i = 0; i < wanted.Count; i++)
        {
            var port = wanted[i];
            if (node.MayClaimPort(port.Port) && node.UsedPorts.CheckConflict(port.HostIP, port.Protocol, port.Port))
            {
                return false;
            }
        }

        return true;
    }
}
