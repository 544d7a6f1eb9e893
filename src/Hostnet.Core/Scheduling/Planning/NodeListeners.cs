using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Semantics;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Scheduling.Planning;

/// <summary>
/// The sockets bound on one node's host network, in the order their pods start, to predict what the scheduler cannot
/// see: a second bind of the same port and protocol fails with <c>bind: address already in use</c> when either side
/// binds a wildcard address or both bind the same one. Node components hold their ports from the start, on the nodes
/// <see cref="NodeComponentPorts.HeldOn"/> gives them (the kubelet's and <c>.hostnet.yaml</c>'s reserved ports on
/// every node, the control plane's on control-plane nodes, kube-proxy's and the CNI agents' where a host-network pod of
/// their image runs), as <c>hostnet ports</c> shows them. The NodePort range is left out: kube-proxy no longer holds
/// those sockets (SEMANTICS.md §7).
/// </summary>
internal sealed class NodeListeners(NodeInfo node, IReadOnlyList<NodeReservedPort> configured)
{
    private readonly Dictionary<(int Port, string Protocol), List<PortHolder>> _held = [];
    private Dictionary<(int Port, string Protocol), List<PortHolder>>? _components;

    /// <summary>
    /// The first holder a listener collides with, or null when the bind succeeds. The components are taken at the
    /// first question, when start-up begins and every pod of the run is on its node, so the node's pods show which
    /// components run there.
    /// </summary>
    public PortHolder? Conflict(Listener listener, string? image)
    {
        _components ??= Components();
        return First(_components, listener, image) ?? First(_held, listener, image);
    }

    public void Hold(int port, string protocol, PortHolder holder) => Hold(_held, port, protocol, holder);

    private Dictionary<(int Port, string Protocol), List<PortHolder>> Components()
    {
        var components = new Dictionary<(int Port, string Protocol), List<PortHolder>>();
        var images = node.Pods
            .Where(p => p.Spec.HostNetwork)
            .SelectMany(p => p.Spec.Spec.LongRunningContainers.Select(c => c.Image))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        foreach (var entry in configured.Concat(NodeComponentPorts.Entries))
        {
            if (entry.IsNodePortRange || !NodeComponentPorts.HeldOn(entry, node.Node, images.Any(entry.IsOwnedBy)))
            {
                continue;
            }

            foreach (var protocol in entry.Protocol == "TCP+UDP" ? ["TCP", "UDP"] : new[] { entry.Protocol })
            {
                for (var port = entry.From; port <= entry.To; port++)
                {
                    Hold(components, port, protocol, new PortHolder(entry.Owner, null, HostPortInfo.DefaultBindAllHostIP, Fixed: true) { Reserved = entry });
                }
            }
        }

        return components;
    }

    private static PortHolder? First(Dictionary<(int Port, string Protocol), List<PortHolder>> held, Listener listener, string? image) =>
        held.TryGetValue((listener.Port, listener.Protocol), out var holders)
            ? holders.FirstOrDefault(h => HostPortInfo.BindsOverlap(h.HostIP, listener.HostIP) && h.Reserved?.IsOwnedBy(image) != true)
            : null;

    private static void Hold(Dictionary<(int Port, string Protocol), List<PortHolder>> held, int port, string protocol, PortHolder holder)
    {
        if (!held.TryGetValue((port, protocol), out var holders))
        {
            held[(port, protocol)] = holders = [];
        }

        holders.Add(holder);
    }
}
