using Hostnet.Core.Scheduling.Framework;

namespace Hostnet.Core.Scheduling.Planning;

/// <summary>Who holds a port on a node: a pod's container, or a node component of the catalogue.</summary>
/// <param name="Description">As a message names it: <c>pod shop/web-1 (container web)</c>, <c>the kubelet API</c>.</param>
/// <param name="Pod">The pod, or null for a node component.</param>
/// <param name="Fixed">Whether the holder is there whatever the scheduler chooses (a node component, a running pod, a pod that had one node to go to).</param>
internal sealed record PortHolder(string Description, PodInfo? Pod, string HostIP, bool Fixed)
{
    /// <summary>The catalogue entry when a node component holds the port.</summary>
    public Semantics.NodeReservedPort? Reserved { get; init; }

    /// <summary>Whether every node has this holder (a node component of every node), so no placement avoids it.</summary>
    public bool OnEveryNode => Pod is null && Reserved?.OnEveryNode != false;
}
