using System.Runtime.InteropServices;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Semantics.Listeners;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Scheduling;

/// <summary>
/// What the pods of a snapshot share as the scheduler (and the port map) sees them, worked out once per controller or
/// per template instead of once per pod: a large snapshot runs 150,000 pods of a few hundred controllers, and its loader
/// shares their equal containers (PodInterner), so the owners' names, the host ports, the requests and the undeclared
/// listeners repeat. One thread at a time.
/// </summary>
internal sealed class SharedPodParts
{
    private readonly Dictionary<OwnerReference, string> _owners = [];

    // By the containers' lists themselves (arrays compare by reference): a list shared by many pods is read once; a list
    // of one pod's own costs one entry.
    private readonly Dictionary<(IReadOnlyList<Container> Containers, IReadOnlyList<Container> InitContainers, bool HostNetwork), IReadOnlyList<HostPortBinding>> _ports = [];
    private readonly Dictionary<(IReadOnlyList<Container> Containers, IReadOnlyList<Container> InitContainers), ResourceAmounts> _requests = [];
    private readonly Dictionary<(IReadOnlyList<Container> Containers, IReadOnlyList<Container> InitContainers), IReadOnlyList<UndeclaredListener>> _undeclared = [];

    /// <summary>The owner's name as <see cref="PodInfo.Owner"/> holds it, <c>Kind/name</c>, one string per controller.</summary>
    public string OwnerName(OwnerReference controller)
    {
        ref var name = ref CollectionsMarshal.GetValueRefOrAddDefault(_owners, controller, out _);
        return name ??= $"{controller.Kind}/{controller.Name}";
    }

    /// <summary>
    /// The host ports of a pod of this spec (<see cref="Semantics.Ports.HostPorts.Wanted"/>), which read only its
    /// containers, init containers and <c>hostNetwork</c>; the list is shared, never to be changed.
    /// </summary>
    public IReadOnlyList<HostPortBinding> HostPorts(PodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ref var ports = ref CollectionsMarshal.GetValueRefOrAddDefault(_ports, (spec.Containers, spec.InitContainers, spec.HostNetwork), out _);
        return ports ??= Semantics.Ports.HostPorts.Wanted(spec);
    }

    /// <summary>The requests of a pod of this spec (<see cref="ResourceAmounts.Requests"/>), which read only its containers and init containers.</summary>
    public ResourceAmounts Requests(PodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ref var requests = ref CollectionsMarshal.GetValueRefOrAddDefault(_requests, (spec.Containers, spec.InitContainers), out var exists);
        if (!exists)
        {
            requests = ResourceAmounts.Requests(spec);
        }

        return requests;
    }

    /// <summary>
    /// The listeners no container of this spec declares (<see cref="PodListeners.Undeclared"/>), which read only its
    /// containers and init containers; the list is shared, never to be changed.
    /// </summary>
    public IReadOnlyList<UndeclaredListener> Undeclared(PodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ref var undeclared = ref CollectionsMarshal.GetValueRefOrAddDefault(_undeclared, (spec.Containers, spec.InitContainers), out _);
        return undeclared ??= new PodListeners(spec).Undeclared;
    }
}
