using Hostnet.Core.Diagnostics;

namespace Hostnet.Core.Semantics;

/// <summary>A port range a node's own components hold (SEMANTICS.md §10), and how serious it is to take it.</summary>
/// <param name="From">First port of the range.</param>
/// <param name="To">Last port of the range (equal to <paramref name="From"/> for one port).</param>
/// <param name="Protocol"><c>TCP</c>, <c>UDP</c>, or <c>TCP+UDP</c>.</param>
/// <param name="Owner">Who holds it, e.g. <c>kubelet API</c>.</param>
/// <param name="Severity">Error for the kubelet and the API server, warning otherwise.</param>
public sealed record NodeReservedPort(int From, int To, string Protocol, string Owner, Severity Severity)
{
    public bool Covers(int port, string protocol) =>
        port >= From && port <= To && (Protocol == "TCP+UDP" || Protocol == protocol);
}
