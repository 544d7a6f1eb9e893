using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Placement;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Scheduling.Rollouts;

/// <summary>
/// A rollout's scheduler over the filters a host-port rollout turns on: the node-only filters of
/// <see cref="NodeEligibility"/> (NodeUnschedulable, NodeName, TaintToleration, NodeAffinity) and NodePorts against
/// every pod bound to the node, with the FailedScheduling message of <see cref="FailedScheduling"/>. Among feasible
/// nodes it picks the one with the fewest pods, then by name (an approximation of default scoring's spreading).
/// Resources and inter-pod affinity are not checked.
/// </summary>
public sealed class HostPortRolloutScheduler : IRolloutScheduler
{
    private readonly Node[] _nodes;
    private readonly KubeVersion _version;
    private readonly Dictionary<string, List<(object Owner, IReadOnlyList<HostPortBinding> Ports)>> _bound;

    public HostPortRolloutScheduler(IEnumerable<Node> nodes, KubeVersion version)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        _nodes = [.. nodes.DistinctBy(n => n.Name, StringComparer.Ordinal).OrderBy(n => n.Name, StringComparer.Ordinal)];
        _version = version;
        _bound = _nodes.ToDictionary(n => n.Name, _ => new List<(object, IReadOnlyList<HostPortBinding>)>(), StringComparer.Ordinal);
    }

    /// <summary>Binds a pod of some other workload: its host ports are taken on the node for the whole rollout.</summary>
    public void BindOther(PodSpec spec, string node)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (_bound.TryGetValue(node, out var pods))
        {
            pods.Add((new object(), HostPorts.Wanted(spec)));
        }
    }

    public void Bind(RolloutPod pod, string node)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (_bound.TryGetValue(node, out var pods))
        {
            pods.Add((pod, HostPorts.Wanted(pod.Spec)));
            pod.Node = node;
            pod.Message = null;
        }
    }

    public void Delete(RolloutPod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (pod.Node is { } node && _bound.TryGetValue(node, out var pods))
        {
            pods.RemoveAll(p => ReferenceEquals(p.Owner, pod));
        }

        pod.Node = null;
    }

    public bool TrySchedule(RolloutPod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var eligibility = pod.DaemonSet ? NodeEligibility.ForDaemonSetPod(pod.Spec) : NodeEligibility.ForPod(pod.Spec);
        var ports = HostPorts.Wanted(pod.Spec);
        var candidates = eligibility.PreFilterNodeNames();
        bool HoldsPort(Node node) => _bound[node.Name].Any(b => b.Ports.Any(held => ports.Any(held.ConflictsWith)));

        var chosen = _nodes
            .Where(n => candidates is null || candidates.Contains(n.Name))
            .Where(n => eligibility.Filter(n, _version).IsSuccess && !HoldsPort(n))
            .OrderBy(n => _bound[n.Name].Count)
            .FirstOrDefault();
        if (chosen is null)
        {
            pod.Message = FailedScheduling.Message(eligibility, _nodes, HoldsPort, _version);
            return false;
        }

        Bind(pod, chosen.Name);
        return true;
    }
}
