using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Placement;

namespace Hostnet.Core.Scheduling;

/// <summary>
/// The nodes and the pods bound to them, as the scheduler's snapshot holds them. Pods are added when bound (or when
/// they already run) and removed when deleted, so a caller can replay a rollout step by step. Nodes are ordered by
/// name, so results never depend on the order in which nodes were given. Per-node state is incremental and the
/// indexes (pods by label, anti-affinity terms by domain) are updated with every change, never rebuilt.
/// </summary>
public sealed class ClusterState
{
    private readonly NodeInfo[] _nodes;
    private readonly Dictionary<string, NodeInfo> _byName;
    private readonly Dictionary<PodInfo, NodeInfo> _placement = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SchedulingSpec, FilterStatus[]> _staticVerdicts = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(SchedulingSpec Spec, string Purpose), object> _perSpec = [];
    private PodLabelIndex? _labels;

    /// <summary>Builds the state for these nodes; a name given twice keeps its first node.</summary>
    public ClusterState(IEnumerable<Node> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var distinct = nodes.DistinctBy(n => n.Name, StringComparer.Ordinal).OrderBy(n => n.Name, StringComparer.Ordinal).ToArray();
        _nodes = [.. distinct.Select((n, i) => new NodeInfo(n, i))];
        _byName = _nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<NodeInfo> Nodes => _nodes;

    /// <summary>Changes with every add or remove, so that a result computed on one state can be reused until it changes.</summary>
    public long Version { get; private set; }

    /// <summary>Every placed pod with its node.</summary>
    public IEnumerable<(PodInfo Pod, NodeInfo Node)> Placements => _placement.Select(p => (p.Key, p.Value));

    internal AntiAffinityIndex ExistingAntiAffinity { get; } = new();

    /// <summary>Pods by label, built on first use (only affinity and spreading need it) and kept up to date after.</summary>
    internal PodLabelIndex Labels
    {
        get
        {
            if (_labels is null)
            {
                _labels = new PodLabelIndex();
                foreach (var pod in _placement.Keys)
                {
                    _labels.Add(pod);
                }
            }

            return _labels;
        }
    }

    public NodeInfo? Find(string? nodeName) =>
        nodeName is not null && _byName.TryGetValue(nodeName, out var node) ? node : null;

    /// <summary>The node a pod is bound to, or null.</summary>
    public NodeInfo? NodeOf(PodInfo pod) => _placement.GetValueOrDefault(pod);

    /// <summary>Binds a pod to a node: its requests, ports and labels count there from now on.</summary>
    public void Add(PodInfo pod, string nodeName)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var node = Find(nodeName) ?? throw new ArgumentException($"no node named '{nodeName}'", nameof(nodeName));
        if (!_placement.TryAdd(pod, node))
        {
            throw new InvalidOperationException($"pod {pod} is already bound to {_placement[pod].Name}");
        }

        node.Add(pod);
        ExistingAntiAffinity.Update(pod, node, +1);
        _labels?.Add(pod);
        Version++;
    }

    /// <summary>Removes a bound pod (deleted, or evicted); false when it was not bound.</summary>
    public bool Remove(PodInfo pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (!_placement.Remove(pod, out var node))
        {
            return false;
        }

        node.Remove(pod);
        ExistingAntiAffinity.Update(pod, node, -1);
        _labels?.Remove(pod);
        Version++;
        return true;
    }

    /// <summary>
    /// Runs <paramref name="action"/> as if <paramref name="pods"/> were gone (preemption's what-if), then puts them
    /// back; the version is restored, since the state is the same again.
    /// </summary>
    internal T Without<T>(IReadOnlyList<PodInfo> pods, Func<T> action)
    {
        var version = Version;
        var removed = pods.Select(p => (Pod: p, Node: NodeOf(p))).Where(p => p.Node is not null).ToList();
        foreach (var (pod, _) in removed)
        {
            Remove(pod);
        }

        try
        {
            return action();
        }
        finally
        {
            foreach (var (pod, node) in removed)
            {
                Add(pod, node!.Name);
            }

            Version = version;
        }
    }

    /// <summary>The verdicts of the node-only filters for a spec on every node, computed once per spec.</summary>
    internal FilterStatus[] StaticVerdicts(SchedulingSpec spec, Func<NodeInfo, FilterStatus> filter)
    {
        if (!_staticVerdicts.TryGetValue(spec, out var verdicts))
        {
            verdicts = new FilterStatus[_nodes.Length];
            for (var i = 0; i < _nodes.Length; i++)
            {
                verdicts[i] = filter(_nodes[i]);
            }

            _staticVerdicts[spec] = verdicts;
        }

        return verdicts;
    }

    /// <summary>A value that depends only on a spec and the (fixed) nodes, computed once per spec and purpose.</summary>
    internal T PerSpec<T>(SchedulingSpec spec, string purpose, Func<T> compute)
        where T : class
    {
        if (!_perSpec.TryGetValue((spec, purpose), out var value))
        {
            _perSpec[(spec, purpose)] = value = compute();
        }

        return (T)value;
    }
}
