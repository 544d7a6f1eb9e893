using Hostnet.Core.Semantics.Placement;

namespace Hostnet.Core.Scheduling.Plugins;

/// <summary>
/// pkg/scheduler/framework/plugins/nodeports/node_ports.go: PreFilter skips pods without host ports (host network
/// alone never counts, SEMANTICS.md §3.1); Filter rejects a node where any wanted port conflicts with a used one.
/// </summary>
public sealed class NodePortsPlugin : IFilterPlugin
{
    private static readonly FilterStatus Conflict = FilterStatus.Unschedulable("NodePorts", SchedulerReasons.NodePorts);

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

        // Where nobody claims the port number, no claim can conflict: those nodes pass without a look at their ports.
        var claiming = ports.Select(p => state.NodesClaiming(p.Port)).ToArray();
        return new(node =>
        {
            for (var i = 0; i < ports.Count; i++)
            {
                var port = ports[i];
                if (claiming[i] is { } nodes && nodes.ContainsKey(node.Index) && node.UsedPorts.CheckConflict(port.HostIP, port.Protocol, port.Port))
                {
                    return Conflict;
                }
            }

            return FilterStatus.Success;
        });
    }
}
