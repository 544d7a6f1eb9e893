using Hostnet.Core.Diagnostics;
using Hostnet.Core.NodeState;

namespace Hostnet.Core.Rules.OnNode;

/// <summary>
/// HN063: something other than kube-proxy listens inside the Service node-port range (kube-apiserver
/// <c>--service-node-port-range</c>, default 30000-32767; SEMANTICS.md §10). The API server allocates node ports from
/// that range without looking at nodes; once it gives this port to a NodePort Service, kube-proxy's rules on every node
/// send the port's traffic to the Service before it reaches the listener. UDP sockets in the kernel's ephemeral range
/// are client sockets and left out, as in HN060. The cluster-side twin is the audit's HN017 check of declared ports.
/// </summary>
internal sealed class NodePortRangeListener : INodeRule
{
    /// <summary>The program whose rules implement node ports: its own sockets there are the Services'.</summary>
    public const string KubeProxy = "kube-proxy";

    public static RuleDescriptor Rule { get; } = new(
        "HN063",
        "node-port-range-listener",
        "Something other than kube-proxy listens inside the Service node-port range",
        Severity.Warning,
        RuleSection.OnTheNode)
    {
        Messages = [Messages.InNodePortRange],
        Fixes = [Fixes.MoveBelowRange],
    };

    public RuleDescriptor Descriptor => Rule;

    /// <summary>HN063's message: the holder ({0}), its endpoints ({1}), the range ({2}-{3}) and the port ({4}).</summary>
    internal static class Messages
    {
        public static RuleText InNodePortRange { get; } = new(
            nameof(InNodePortRange),
            "{0} listens on {1}, inside the Service node-port range ({2}-{3}): "
                + "once the API server allocates {4} to a NodePort Service, kube-proxy's rules send the port's traffic to that Service on every node and the listener no longer receives it");
    }

    /// <summary>HN063's fix: the range's first port ({0}).</summary>
    internal static class Fixes
    {
        public static RuleText MoveBelowRange { get; } = new(nameof(MoveBelowRange), "move the listener below {0}, or reserve the port from the range");
    }

    public IEnumerable<NodeFinding> Check(NodeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var range = view.NodePortRange;
        return view.Listeners
            .Where(l => range.Covers(l.Socket.Port, l.Socket.Protocol)
                && l.Holder?.Name != KubeProxy
                && !(l.Socket.Protocol == "UDP" && view.Scan.IsEphemeral(l.Socket.Port)))
            .GroupBy(l => (l.Owner.ToString(), l.Socket.Port, l.Socket.Protocol))
            .Select(group =>
            {
                var first = group.First();
                var port = $"{first.Socket.Port}/{first.Socket.Protocol}";
                return new NodeFinding(
                    Rule,
                    Rule.DefaultSeverity,
                    Messages.InNodePortRange.With(
                        first.HolderText,
                        string.Join(" and ", group.Select(l => l.Socket.Endpoint).Distinct(StringComparer.Ordinal)),
                        range.From,
                        range.To,
                        port),
                    Fixes.MoveBelowRange.With(range.From),
                    first.Owner.Pod,
                    first.Owner.Container,
                    first.Socket.Port,
                    first.Socket.Protocol);
            });
    }
}
