using Hostnet.Core.Model;

namespace Hostnet.Core.Scheduling;

/// <summary>
/// One node and what its pods take from it, kept up to date as pods are added and removed. Mirrors the scheduler
/// framework's NodeInfo (Requested, NonZeroRequested, UsedPorts, Pods, Allocatable).
/// </summary>
public sealed class NodeInfo
{
    /// <summary>The kubelet's default <c>maxPods</c>, used when a node does not list allocatable pods.</summary>
    public const int DefaultMaxPods = 110;

    private readonly List<PodInfo> _pods = [];
    private readonly Dictionary<string, int> _podsByOwner = new(StringComparer.Ordinal);

    internal NodeInfo(Node node, int index)
    {
        Node = node;
        Name = node.Name;
        Index = index;
        Allocatable = ResourceAmounts.Allocatable(node.Allocatable);
        AllowedPods = node.Allocatable.TryGetValue("pods", out var pods) && Quantity.TryParse(pods, out var count)
            ? (int)Math.Min(count, int.MaxValue)
            : DefaultMaxPods;
    }

    public Node Node { get; }

    public string Name { get; }

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

    /// <summary>How many pods of a workload (by <see cref="PodInfo.Owner"/>) run here.</summary>
    public int PodsOf(string owner) => _podsByOwner.GetValueOrDefault(owner);

    internal void Add(PodInfo pod)
    {
        _pods.Add(pod);
        PodCount++;
        _podsByOwner[pod.Owner] = PodsOf(pod.Owner) + 1;
        Requested += pod.Spec.Requests;
        NonZeroRequested += ResourceAmounts.NonZero(pod.Spec.Requests);
        foreach (var port in pod.Spec.Ports)
        {
            UsedPorts.Add(port.HostIP, port.Protocol, port.Port);
        }
    }

    internal bool Remove(PodInfo pod)
    {
        var index = _pods.FindIndex(p => ReferenceEquals(p, pod));
        if (index < 0)
        {
            return false;
        }

        _pods.RemoveAt(index);
        PodCount--;
        _podsByOwner[pod.Owner] = PodsOf(pod.Owner) - 1;
        Requested -= pod.Spec.Requests;
        NonZeroRequested -= ResourceAmounts.NonZero(pod.Spec.Requests);
        foreach (var port in pod.Spec.Ports)
        {
            UsedPorts.Remove(port.HostIP, port.Protocol, port.Port);
        }

        return true;
    }

    public override string ToString() => Name;
}
