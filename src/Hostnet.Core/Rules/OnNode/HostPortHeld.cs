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
        RuleSection.OnTheNode);

    public RuleDescriptor Descriptor => Rule;

    public IEnumerable<NodeFinding> Check(NodeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var byPort = view.Listeners.ToLookup(l => (l.Socket.Port, l.Socket.Protocol));
        foreach (var pod in view.Pods.Pods)
        {
            foreach (var binding in Semantics.Ports.HostPorts.Wanted(pod.Pod.Spec))
            {
                var holders = byPort[(binding.Port, binding.Protocol)].Where(l => !l.Owner.Is(pod) && l.Socket.Blocks(binding.HostIP)).ToList();
                if (holders.Count == 0)
                {
                    continue;
                }

                var held = string.Join("; ", holders.Select(h => $"{h.HolderText} on {h.Socket.Endpoint}").Distinct(StringComparer.Ordinal));
                var name = $"pod {pod.Pod.Metadata.Namespace}/{pod.Pod.Name}";
                var effect = pod.Pod.Spec.HostNetwork
                    ? $"container \"{binding.Container.Name}\" cannot bind it and crash-loops on \"address already in use\""
                    : "the pod's hostPort rule takes the port's traffic away from the holder";
                var field = pod.Pod.Spec.HostNetwork ? "containerPort" : "hostPort";
                yield return new NodeFinding(
                    Rule,
                    Rule.DefaultSeverity,
                    $"{name} declares {field} {binding} (container \"{binding.Container.Name}\"), which {held} already holds: {effect}",
                    "move one of them to another port, or stop the holder on this node",
                    pod,
                    binding.Container.Name,
                    binding.Port,
                    binding.Protocol);
            }
        }
    }
}
