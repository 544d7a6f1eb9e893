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
        RuleSection.OnTheNode)
    {
        Messages = [Messages.Undeclared, Messages.ContainerOfPod, Messages.ProcessOfPod],
        Fixes = [Fixes.Declare],
    };

    public RuleDescriptor Descriptor => Rule;

    /// <summary>
    /// HN060's message: who listens ({0}: ContainerOfPod or ProcessOfPod), the pod ({1}), the endpoints ({2}), the process's pid
    /// ({3}) and name ({4}), and the port ({5}).
    /// </summary>
    internal static class Messages
    {
        public static RuleText Undeclared { get; } = new(
            nameof(Undeclared),
            "{0} {1} listens on {2} (pid {3}, \"{4}\"), "
                + "a port no container of the pod declares: the scheduler cannot keep another pod that wants {5} off this node, and that pod will crash-loop on bind (\"address already in use\")");

        public static RuleText ContainerOfPod { get; } = new(nameof(ContainerOfPod), "container \"{0}\" of pod");

        public static RuleText ProcessOfPod { get; } = new(nameof(ProcessOfPod), "a process of pod");
    }

    /// <summary>HN060's fix: the port ({0}) and protocol ({1}).</summary>
    internal static class Fixes
    {
        public static RuleText Declare { get; } = new(nameof(Declare), "declare it: add containerPort {0} with protocol {1} to the container");
    }

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
                var who = first.Owner.Container is { } container ? Messages.ContainerOfPod.With(container) : Messages.ProcessOfPod.Text;
                var port = $"{first.Socket.Port}/{first.Socket.Protocol}";
                return new NodeFinding(
                    Rule,
                    Rule.DefaultSeverity,
                    Messages.Undeclared.With(
                        who,
                        $"{first.Owner.Pod!.Pod.Metadata.Namespace}/{first.Owner.Pod.Pod.Name}",
                        endpoints,
                        first.Holder!.Pid,
                        first.Holder.Name,
                        port),
                    Fixes.Declare.With(first.Socket.Port, first.Socket.Protocol),
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
