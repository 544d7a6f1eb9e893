using Hostnet.Core.Diagnostics;
using Hostnet.Core.NodeState;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Rules.OnNode;

/// <summary>
/// HN060: a host-network pod's process listens on a port no container of the pod declares. The scheduler's NodePorts
/// filter only knows declared ports (kubernetes pkg/scheduler/framework/plugins/nodeports/node_ports.go, v1.35), so it
/// places the next pod that declares this port here, and that pod's process fails on <c>bind</c>. UDP sockets on
/// ports of the kernel's ephemeral range are client sockets the kernel numbered itself (a resolver's, a StatsD
/// client's): nobody could declare them, so they are left out; so are the ports the node-port catalogue gives to the
/// container's own image (kube-proxy's 10256, calico-node's 9099: components no pod could take them from), and
/// kube-proxy's sockets in the node-port range. The manifest-side twin is HN010, which infers the same from images,
/// flags and probes.
/// </summary>
internal sealed class UndeclaredNodeListener : INodeRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN060",
        "undeclared-listener",
        "A host-network pod's process listens on a port no container of the pod declares",
        Severity.Warning,
        RuleSection.OnTheNode);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<NodeFinding> Check(NodeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Listeners
            .Where(l => l.Owner.Pod is { } pod && pod.Pod.Spec.HostNetwork && !l.Declared
                && !(l.Socket.Protocol == "UDP" && view.Scan.IsEphemeral(l.Socket.Port))
                && !IsComponentPort(l))
            .GroupBy(l => (l.Owner.Pod, l.Owner.Container, l.Socket.Port, l.Socket.Protocol))
            .Select(group =>
            {
                var first = group.First();
                var endpoints = string.Join(" and ", group.Select(l => l.Socket.Endpoint).Distinct(StringComparer.Ordinal));
                var who = first.Owner.Container is { } container ? $"container \"{container}\" of pod" : "a process of pod";
                var port = $"{first.Socket.Port}/{first.Socket.Protocol}";
                return new NodeFinding(
                    Rule,
                    Rule.DefaultSeverity,
                    $"{who} {first.Owner.Pod!.Pod.Metadata.Namespace}/{first.Owner.Pod.Pod.Name} listens on {endpoints} (pid {first.Holder!.Pid}, \"{first.Holder.Name}\"), "
                        + $"a port no container of the pod declares: the scheduler cannot keep another pod that wants {port} off this node, and that pod will crash-loop on bind (\"address already in use\")",
                    $"declare it: add containerPort {first.Socket.Port} with protocol {first.Socket.Protocol} to the container",
                    first.Owner.Pod,
                    first.Owner.Container,
                    first.Socket.Port,
                    first.Socket.Protocol);
            });
    }

    private static bool IsComponentPort(NodeListener listener)
    {
        var image = listener.Owner.Pod!.Pod.Spec.LongRunningContainers.FirstOrDefault(c => c.Name == listener.Owner.Container)?.Image;
        return NodeComponentPorts.Find(listener.Socket.Port, listener.Socket.Protocol, []) is { } entry
            && (entry.IsOwnedBy(image) || (entry.IsNodePortRange && listener.Holder?.Name == NodePortRangeListener.KubeProxy));
    }
}
