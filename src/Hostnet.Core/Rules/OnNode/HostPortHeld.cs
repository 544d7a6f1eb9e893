using Hostnet.Core.Diagnostics;
using Hostnet.Core.NodeState;

namespace Hostnet.Core.Rules.OnNode;

/// <summary>
/// HN062: a port that a pod bound to this node declares as a host port is held by another process, a node daemon or
/// another pod. On the host network the pod's own process cannot bind it and crash-loops on "address already in use";
/// with a <c>hostPort</c> the CNI portmap plugin's DNAT rule sends the port's traffic to the pod, so the holder no
/// longer receives it. Either way the scheduler could not see it: the holder declared nothing it knows of. The host
/// IPs overlap as in the kernel's bind check: either side on every address, or the same address.
/// </summary>
internal sealed class HostPortHeld : INodeRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN062",
        "host-port-held",
        "A port a pod on this node declares as a host port is held by another process",
        Severity.Error,
        RuleSection.OnTheNode)
    {
        Messages = [Messages.PortHeld, Messages.CannotBind, Messages.TrafficDiverted],
        Fixes = [Fixes.MoveOrStop],
    };

    public RuleDescriptor Descriptor => Rule;

    /// <summary>
    /// HN062's message: the pod ({0}), the field ({1}: containerPort on the host network, else hostPort), the port ({2}),
    /// the container ({3}), what holds it ({4}) and the effect ({5}: CannotBind with the container, or TrafficDiverted).
    /// </summary>
    internal static class Messages
    {
        public static RuleText PortHeld { get; } = new(nameof(PortHeld), "pod {0} declares {1} {2} (container \"{3}\"), which {4} already holds: {5}");

        public static RuleText CannotBind { get; } = new(nameof(CannotBind), "container \"{0}\" cannot bind it and crash-loops on \"address already in use\"");

        public static RuleText TrafficDiverted { get; } = new(nameof(TrafficDiverted), "the pod's hostPort rule takes the port's traffic away from the holder");
    }

    internal static class Fixes
    {
        public static RuleText MoveOrStop { get; } = new(nameof(MoveOrStop), "move one of them to another port, or stop the holder on this node");
    }

    public IEnumerable<NodeFinding> Check(NodeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var byPort = view.Listeners.ToLookup(l => (l.Socket.Port, l.Socket.Protocol));
        foreach (var pod in view.Pods.Pods)
        {
            foreach (var binding in view.Pods.HostPortsOf(pod))
            {
                var holders = byPort[(binding.Port, binding.Protocol)].Where(l => !l.Owner.Is(pod) && l.Socket.Blocks(binding.HostIP)).ToList();
                if (holders.Count == 0)
                {
                    continue;
                }

                var held = string.Join("; ", holders.Select(h => $"{h.HolderText} on {h.Socket.Endpoint}").Distinct(StringComparer.Ordinal));
                var effect = pod.Pod.Spec.HostNetwork ? Messages.CannotBind.With(binding.Container.Name) : Messages.TrafficDiverted.Text;
                var field = pod.Pod.Spec.HostNetwork ? "containerPort" : "hostPort";
                yield return new NodeFinding(
                    Rule,
                    Rule.DefaultSeverity,
                    Messages.PortHeld.With($"{pod.Pod.Metadata.Namespace}/{pod.Pod.Name}", field, binding, binding.Container.Name, held, effect),
                    Fixes.MoveOrStop.Text,
                    pod,
                    binding.Container.Name,
                    binding.Port,
                    binding.Protocol);
            }
        }
    }
}
