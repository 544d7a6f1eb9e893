using Hostnet.Core.Model;
using Hostnet.Core.Ports;
using Hostnet.Core.Scheduling.Plugins;

namespace Hostnet.Core.Audit;

/// <summary>What the live checks read: the snapshot's index, its port map, and the pods Pending for host ports.</summary>
internal sealed class LiveState
{
    private readonly Dictionary<(int Port, string Protocol), List<(string Node, PortUse Use)>> _declared = [];

    public LiveState(AuditIndex index, PortMap ports)
    {
        Index = index;
        Ports = ports;
        foreach (var node in ports.Nodes)
        {
            foreach (var use in node.Ports.Where(u => u.Source == PortSource.Declared))
            {
                if (!_declared.TryGetValue((use.Port, use.Protocol), out var holders))
                {
                    _declared[(use.Port, use.Protocol)] = holders = [];
                }

                holders.Add((node.Node, use));
            }
        }

        PendingForPorts = [.. index.Snapshot.Pods.Where(IsPendingForPorts)];
    }

    public AuditIndex Index { get; }

    public PortMap Ports { get; }

    /// <summary>
    /// Pods whose <c>PodScheduled</c> condition is <c>False</c> with reason <c>Unschedulable</c> and a message naming the
    /// NodePorts filter's reason: the scheduler found no node with the host ports free.
    /// </summary>
    public IReadOnlyList<ClusterPod> PendingForPorts { get; }

    /// <summary>The pods' declared uses of a host port, on every node (what the scheduler's NodePorts filter sees).</summary>
    public IReadOnlyList<(string Node, PortUse Use)> DeclaredHolders(int port, string protocol) =>
        _declared.TryGetValue((port, protocol), out var holders) ? holders : [];

    public static PodCondition? Unschedulable(ClusterPod pod) =>
        pod.Status.Conditions.FirstOrDefault(c => c is { Type: "PodScheduled", Status: "False", Reason: "Unschedulable" });

    private static bool IsPendingForPorts(ClusterPod pod) =>
        pod.Status.Phase == "Pending"
        && Unschedulable(pod)?.Message?.Contains(NodePortsPlugin.ErrReason, StringComparison.Ordinal) == true;
}
