using System.Runtime.InteropServices;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Scheduling.Framework;

/// <summary>
/// One node and what its pods take from it, kept up to date as pods are added and removed. Mirrors the scheduler
/// framework's NodeInfo (Requested, NonZeroRequested, UsedPorts, Pods, Allocatable).
/// </summary>
public sealed class NodeInfo
{
    /// <summary>The kubelet's default <c>maxPods</c>, used when a node does not list allocatable pods.</summary>
    public const int DefaultMaxPods = 110;

    private readonly List<PodInfo> _pods = [];
    private int? _lowestPriority = int.MaxValue;
    private PortNumberMask _portNumbers;

    internal NodeInfo(Node node, int index)
    {
        Node = node;
        Name = node.Name;
        NameHash = NodeScoring.NameHash(node.Name);
        Index = index;
        Allocatable = ResourceAmounts.Allocatable(node.Allocatable);
        AllowedPods = node.Allocatable.TryGetValue("pods", out var pods) && Quantity.TryParse(pods, out var count)
            ? (int)Math.Min(count, int.MaxValue)
            : DefaultMaxPods;
    }

    public Node Node { get; }

    public string Name { get; }

    /// <summary>The hash of the name that scoring's tie-breaker mixes with the pod's, taken once.</summary>
    internal uint NameHash { get; }

    /// <summary>The node's position in the cluster state (nodes are ordered by name).</summary>
    public int Index { get; }

    public ResourceAmounts Allocatable { get; }

    /// <summary>Allocatable pods (<c>status.allocatable.pods</c>).</summary>
    public int AllowedPods { get; }

    /// <summary>The sum of the pods' requests.</summary>
    public ResourceAmounts Requested { get; private set; }

    /// <summary>The sum of the pods' requests with defaults for pods that request no CPU or memory (scoring only).</summary>
    public ResourceAmounts NonZeroRequested { get; private set; }

    public HostPortInfo UsedPorts { get; } = new();

    public IReadOnlyList<PodInfo> Pods => _pods;

    /// <summary><c>Pods.Count</c>, kept beside the node's other figures so that a filter reads one object per node.</summary>
    internal int PodCount { get; private set; }

    /// <summary>
    /// Whether some pod here may claim this host port number: false proves it free, true sends the caller to
    /// <see cref="UsedPorts"/>. Kept beside the node's other figures, so that NodePorts passes most nodes on one object.
    /// </summary>
    internal bool MayClaimPort(int port) => _portNumbers.MayContain(port);

    /// <summary>
    /// The lowest priority of the node's pods (<see cref="int.MaxValue"/> without pods): preemption asks every node
    /// of a failing pod whether it holds a pod it could evict, and this answers without visiting the pods.
    /// </summary>
    internal int LowestPriority => _lowestPriority ??= _pods.Count == 0 ? int.MaxValue : _pods.Min(p => p.Priority);

    /// <summary>
    /// How many pods of a workload (by <see cref="PodInfo.Owner"/>) run here, counted over the node's pods (the
    /// scheduler reads the cluster state's index instead).
    /// </summary>
    public int PodsOf(string owner) => _pods.Count(p => p.Owner == owner);

    internal void Add(PodInfo pod)
    {
        _pods.Add(pod);
        PodCount++;
        if (_lowestPriority is { } lowest)
        {
            _lowestPriority = Math.Min(lowest, pod.Priority);
        }

        Requested += pod.Spec.Requests;
        NonZeroRequested += ResourceAmounts.NonZero(pod.Spec.Requests);
        foreach (var port in pod.Spec.Ports)
        {
            UsedPorts.Add(port.HostIP, port.Protocol, port.Port);
            _portNumbers.Add(port.Port);
        }
    }

    internal bool Remove(PodInfo pod)
    {
        var index = IndexOf(pod);
        if (index < 0)
        {
            return false;
        }

        _pods.RemoveAt(index);
        PodCount--;
        if (pod.Priority == _lowestPriority)
        {
            _lowestPriority = null;
        }

        Requested -= pod.Spec.Requests;
        NonZeroRequested -= ResourceAmounts.NonZero(pod.Spec.Requests);
        foreach (var port in pod.Spec.Ports)
        {
            UsedPorts.Remove(port.HostIP, port.Protocol, port.Port);
        }

        if (pod.Spec.Ports.Count > 0)
        {
            _portNumbers = default;
            foreach (var number in UsedPorts.Numbers)
            {
                _portNumbers.Add(number);
            }
        }

        return true;
    }

    private int IndexOf(PodInfo pod)
    {
        var pods = CollectionsMarshal.AsSpan(_pods);
        for (var i = 0; i < pods.Length; i++)
        {
            if (ReferenceEquals(pods[i], pod))
            {
                return i;
            }
        }

        return -1;
    }

    public override string ToString() => Name;
}
