using Hostnet.Core.Semantics.Placement;

namespace Hostnet.Core.Scheduling.Plugins;

/// <summary>
/// pkg/scheduler/framework/plugins/nodeports/node_ports.go: PreFilter skips pods without host ports (host network
/// alone never counts, SEMANTICS.md §3.1); Filter rejects a node where any wanted port conflicts with a used one.
/// </summary>
public sealed class NodePortsPlugin : IFilterPlugin
{
    private static readonly FilterStatus Conflict = FilterStatus.Unschedulable("NodePorts", SchedulerReasons.NodePorts);
    private static readonly PreFilterResult FreeEverywhere = new(static _ => FilterStatus.Success);

    public string Name => "NodePorts";

    public bool NodeOnly => false;

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
        return claimed.Length == 0 ? FreeEverywhere : new(node =>
        {
            foreach (var port in claimed)
            {
                if (node.MayClaimPort(port.Port) && node.UsedPorts.CheckConflict(port.HostIP, port.Protocol, port.Port))
                {
                    return Conflict;
                }
            }

            return FilterStatus.Success;
        });
    }
}
