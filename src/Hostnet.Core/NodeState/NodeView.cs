using Hostnet.Core.Model;
using Hostnet.Core.Semantics;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.NodeState;

/// <summary>One node as the node rules read it: its listeners with their owners, and the pods bound to it.</summary>
/// <param name="Now">The time of the scan (HN061's grace period counts from a container's start).</param>
/// <param name="Grace">How long a container may take to open its ports before HN061 says it does not.</param>
/// <param name="NodePortRange">The Service node-port range (kube-apiserver <c>--service-node-port-range</c>).</param>
public sealed record NodeView(NodePods Pods, NodeScan Scan, IReadOnlyList<NodeListener> Listeners, DateTimeOffset Now, TimeSpan Grace, NodeReservedPort NodePortRange)
{
    /// <summary>The default grace period of HN061.</summary>
    public static TimeSpan DefaultGrace { get; } = TimeSpan.FromSeconds(60);

    /// <summary>The default range, 30000-32767 (SEMANTICS.md §10).</summary>
    public static NodeReservedPort DefaultNodePortRange { get; } = NodeComponentPorts.NodePortRange;

    public string Node => Pods.Node;

    /// <summary>Attributes every listener of the scan to its owner, sorted as <c>ss</c> sorts them (protocol, port, address).</summary>
    public static NodeView Build(NodeScan scan, NodePods pods, DateTimeOffset now, TimeSpan grace, NodeReservedPort? nodePortRange = null)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(pods);
        var listeners = new List<NodeListener>(scan.Listeners.Count);
        foreach (var scanned in scan.Listeners)
        {
            var owner = pods.OwnerOf(scanned.Holder);
            var isDeclared = false;
            if (owner.Pod is { } pod)
            {
                isDeclared = pods.HostPortsOf(pod).Any(b => b.Port == scanned.Socket.Port && b.Protocol == scanned.Socket.Protocol);
            }

            listeners.Add(new NodeListener(scanned.Socket, scanned.Holder, owner, isDeclared));
        }

        listeners.Sort(static (a, b) =>
            string.CompareOrdinal(a.Socket.Protocol, b.Socket.Protocol) is var byProtocol and not 0 ? byProtocol
            : a.Socket.Port.CompareTo(b.Socket.Port) is var byPort and not 0 ? byPort
            : string.CompareOrdinal(a.Socket.Address, b.Socket.Address) is var byAddress and not 0 ? byAddress
            : a.Socket.Inode.CompareTo(b.Socket.Inode));
        return new NodeView(pods, scan, listeners, now, grace, nodePortRange ?? DefaultNodePortRange);
    }

    /// <summary>The listeners one pod's processes hold.</summary>
    public IEnumerable<NodeListener> ListenersOf(ClusterPod pod) => Listeners.Where(l => l.Owner.Is(pod));
}
