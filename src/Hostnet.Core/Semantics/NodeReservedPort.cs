using Hostnet.Core.Diagnostics;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Semantics;

/// <summary>A port range a node's own components hold (SEMANTICS.md §10), and how serious it is to take it.</summary>
/// <param name="From">First port of the range.</param>
/// <param name="To">Last port of the range (equal to <paramref name="From"/> for one port).</param>
/// <param name="Protocol"><c>TCP</c>, <c>UDP</c>, or <c>TCP+UDP</c>.</param>
/// <param name="Owner">Who holds it, e.g. <c>the kubelet API</c>.</param>
/// <param name="Severity">Error for the kubelet and the API server, warning otherwise.</param>
public sealed record NodeReservedPort(int From, int To, string Protocol, string Owner, Severity Severity)
{
    /// <summary>Which nodes hold the port (<see cref="NodeComponentPorts.HeldOn"/>); configured ports are held on every node.</summary>
    public NodeComponentScope Scope { get; init; }

    /// <summary>The <see cref="Scope"/> in words for messages, e.g. <c>on every node</c>; null for ports reserved by configuration.</summary>
    public string? Where { get; init; }

    /// <summary>Whether no node is without it, so that no placement avoids it.</summary>
    public bool OnEveryNode => Scope is NodeComponentScope.ReservedByConfiguration or NodeComponentScope.EveryNode;

    /// <summary>
    /// Parts of the image repositories of the owner itself (<c>calico/node</c>): a container of that image declaring
    /// the port is the owner, not a competitor.
    /// </summary>
    public IReadOnlyList<string> OwnerImages { get; init; } = [];

    /// <summary>Whether the range is the Service NodePort range, which kube-proxy's rules take rather than a listener.</summary>
    public bool IsNodePortRange { get; init; }

    public bool Covers(int port, string protocol) =>
        port >= From && port <= To && (Protocol == "TCP+UDP" || Protocol == protocol);

    /// <summary>Whether a container of <paramref name="image"/> is the owner (its repository, tag and digest aside, names it).</summary>
    public bool IsOwnedBy(string? image)
    {
        if (string.IsNullOrEmpty(image) || OwnerImages.Count == 0)
        {
            return false;
        }

        var repository = image.Split('@')[0];
        var lastSlash = repository.LastIndexOf('/');
        var tag = repository.IndexOf(':', lastSlash + 1);
        if (tag >= 0)
        {
            repository = repository[..tag];
        }

        return OwnerImages.Any(owner => repository.Contains(owner, StringComparison.OrdinalIgnoreCase));
    }
}
