using Hostnet.Core.Semantics;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Scheduling.Planning;

/// <summary>
/// The sockets bound on one node's host network, in the order their pods start, to predict what the scheduler cannot
/// see: a second bind of the same port and protocol fails with <c>bind: address already in use</c> when either side
/// binds a wildcard address or both bind the same one. Node components hold their ports from the start: the kubelet's
/// on every node, kube-proxy's on every node (most clusters run it), the control plane's on nodes labelled
/// <c>node-role.kubernetes.io/control-plane</c>, and ports reserved in <c>.hostnet.yaml</c>. The NodePort range is
/// left out: kube-proxy no longer holds those sockets (SEMANTICS.md §7).
/// </summary>
internal sealed class NodeListeners
{
    private const string KubeProxyNodes = "on every node that runs kube-proxy";

    private readonly Dictionary<(int Port, string Protocol), List<PortHolder>> _held = [];

    public NodeListeners(NodeInfo node, IReadOnlyList<NodeReservedPort> configured)
    {
        var controlPlane = node.Node.Metadata.Labels.ContainsKey("node-role.kubernetes.io/control-plane")
            || node.Node.Metadata.Labels.ContainsKey("node-role.kubernetes.io/master");
        foreach (var entry in configured.Concat(NodePortCatalogue.Entries).Where(e => Holds(e, controlPlane)))
        {
            foreach (var protocol in entry.Protocol == "TCP+UDP" ? ["TCP", "UDP"] : new[] { entry.Protocol })
            {
                for (var port = entry.From; port <= entry.To; port++)
                {
                    Hold(port, protocol, new PortHolder(entry.Owner, null, HostPortBinding.AnyAddress, Fixed: entry.Where != KubeProxyNodes) { Reserved = entry });
                }
            }
        }
    }

    /// <summary>The first holder a listener collides with, or null when the bind succeeds.</summary>
    public PortHolder? Conflict(Listener listener, string? image)
    {
        if (!_held.TryGetValue((listener.Port, listener.Protocol), out var holders))
        {
            return null;
        }

        return holders.FirstOrDefault(h => Overlaps(h.HostIP, listener.HostIP) && h.Reserved?.IsOwnedBy(image) != true);
    }

    public void Hold(int port, string protocol, PortHolder holder)
    {
        if (!_held.TryGetValue((port, protocol), out var holders))
        {
            _held[(port, protocol)] = holders = [];
        }

        holders.Add(holder);
    }

    private static bool Holds(NodeReservedPort entry, bool controlPlane) =>
        !entry.IsNodePortRange
        && (entry.Where is null
            || entry.Where == "on every node"
            || entry.Where == KubeProxyNodes
            || (controlPlane && entry.Where == "on control-plane nodes"));

    private static bool Overlaps(string a, string b) => a == b || IsWildcard(a) || IsWildcard(b);

    private static bool IsWildcard(string ip) => ip is HostPortBinding.AnyAddress or "::" or "";
}
