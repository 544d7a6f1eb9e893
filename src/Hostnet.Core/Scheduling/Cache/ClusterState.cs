using System.Runtime.InteropServices;
using System.Text;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Framework;

namespace Hostnet.Core.Scheduling.Cache;

/// <summary>
/// The nodes and the pods bound to them, as the scheduler's snapshot holds them. Pods are added when bound (or when
/// they already run) and removed when deleted, so a caller can replay a rollout step by step. Nodes are ordered by
/// name, so results never depend on the order in which nodes were given. Per-node state is incremental and the
/// indexes (pods by label, anti-affinity terms by domain) are updated with every change, never rebuilt. Mirrors the
/// scheduler cache's snapshot (pkg/scheduler/backend/cache/snapshot.go, v1.35; internal/cache before 1.33).
/// </summary>
public sealed class ClusterState
{
    private readonly NodeInfo[] _nodes;
    private readonly Dictionary<string, NodeInfo> _byName;
    private readonly Dictionary<PodInfo, NodeInfo> _placement = new(ReferenceEqualityComparer.Instance);
    // Per scheduler, since a release's filters may word their reasons differently.
    private readonly Dictionary<Scheduler, Dictionary<SchedulingSpec, NodeVerdicts>> _staticVerdicts = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(SchedulingSpec Spec, string Purpose), object> _perSpec = [];
    private readonly Dictionary<string, (int[] GroupOf, NodeInfo[] Representatives)> _nodeGroups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _passing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<int, int>> _ownerNodes = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _portClaims = [];
    private readonly Dictionary<string, Dictionary<string, List<int>>> _nodesByLabel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _namespaceLabels = new(StringComparer.Ordinal);
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

    /// <summary>The nodes for loops that visit thousands of them per cycle.</summary>
    internal ReadOnlySpan<NodeInfo> NodeSpan => _nodes;

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

    /// <summary>
    /// Gives a namespace its labels (its Namespace object's), which <c>namespaceSelector</c> terms select; the API
    /// server sets <c>kubernetes.io/metadata.name</c> on every namespace (pkg/registry/core/namespace/strategy.go, 1.21+).
    /// </summary>
    public void AddNamespace(string name, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        _namespaceLabels[name] = new Dictionary<string, string>(labels, StringComparer.Ordinal) { [MetadataNameLabel] = name };
    }

    /// <summary>The labels of a namespace; one the input does not describe has only its name label.</summary>
    internal IReadOnlyDictionary<string, string> NamespaceLabels(string name) =>
        _namespaceLabels.TryGetValue(name, out var labels) ? labels : new Dictionary<string, string>(StringComparer.Ordinal) { [MetadataNameLabel] = name };

    private const string MetadataNameLabel = "kubernetes.io/metadata.name";

    public NodeInfo? Find(string? nodeName) =>
        nodeName is not null && _byName.TryGetValue(nodeName, out var node) ? node : null;

    /// <summary>The node a pod is bound to, or null.</summary>
    public NodeInfo? NodeOf(PodInfo pod) => _placement.GetValueOrDefault(pod);

    /// <summary>How many pods of a workload (by <see cref="PodInfo.Owner"/>) run on each node, by node index; null when none runs.</summary>
    internal Dictionary<int, int>? NodesOf(string owner) => _ownerNodes.GetValueOrDefault(owner);

    /// <summary>
    /// Whether some pod on some node claims this host port number (any IP, any protocol): NodePorts has nothing to
    /// check for a number nobody claims.
    /// </summary>
    internal bool IsClaimed(int port) => _portClaims.ContainsKey(port);

    /// <summary>The indexes of the nodes labelled <paramref name="key"/>=<paramref name="value"/> (a topology domain), indexed per key on first use.</summary>
    internal IReadOnlyList<int> NodesLabelled(string key, string value)
    {
        if (!_nodesByLabel.TryGetValue(key, out var byValue))
        {
            _nodesByLabel[key] = byValue = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var node in _nodes)
            {
                if (node.Node.Metadata.Labels.TryGetValue(key, out var label))
                {
                    if (!byValue.TryGetValue(label, out var nodes))
                    {
                        byValue[label] = nodes = [];
                    }

                    nodes.Add(node.Index);
                }
            }
        }

        return byValue.TryGetValue(value, out var found) ? found : [];
    }

    /// <summary>Binds a pod to a node: its requests, ports and labels count there from now on.</summary>
    public void Add(PodInfo pod, string nodeName)
    {
        ArgumentNullException.ThrowIfNull(pod);
        Add(pod, Find(nodeName) ?? throw new ArgumentException($"no node named '{nodeName}'", nameof(nodeName)));
    }

    /// <summary>Binds a pod to one of this state's nodes, found already.</summary>
    internal void Add(PodInfo pod, NodeInfo node)
    {
        if (!_placement.TryAdd(pod, node))
        {
            throw new InvalidOperationException($"pod {pod} is already bound to {_placement[pod].Name}");
        }

        node.Add(pod);
        Count(_ownerNodes, pod.Owner, node, +1);
        CountClaims(pod, +1);

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
        Count(_ownerNodes, pod.Owner, node, -1);
        CountClaims(pod, -1);

        ExistingAntiAffinity.Update(pod, node, -1);
        _labels?.Remove(pod);
        Version++;
        return true;
    }

    /// <summary>Counts one more (or one less) pod with this key on the node; keys without pods are dropped.</summary>
    private static void Count<TKey>(Dictionary<TKey, Dictionary<int, int>> index, TKey key, NodeInfo node, int delta)
        where TKey : notnull
    {
        // One lookup per dictionary where the count stays positive: a what-if removes and re-adds thousands of pods.
        ref var nodes = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key, out _);
        nodes ??= [];
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(nodes, node.Index, out _);
        count += delta;
        if (count <= 0 && nodes.Remove(node.Index) && nodes.Count == 0)
        {
            index.Remove(key);
        }
    }

    private void CountClaims(PodInfo pod, int delta)
    {
        var ports = pod.Spec.Ports;
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i].Port;
            if (port <= 0)
            {
                continue;
            }

            ref var claims = ref CollectionsMarshal.GetValueRefOrAddDefault(_portClaims, port, out _);
            claims += delta;
            if (claims <= 0)
            {
                _portClaims.Remove(port);
            }
        }
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
                Add(pod, node!);
            }

            Version = version;
        }
    }

    /// <summary>
    /// The verdicts of the node-only filters for a spec on every node, computed once per spec, and once per group of
    /// nodes the spec cannot tell apart (<see cref="NodeGroups"/>), not once per node; specs whose verdicts pass the
    /// same groups share one list of passing nodes.
    /// </summary>
    internal NodeVerdicts StaticVerdicts(Scheduler scheduler, SchedulingSpec spec, Func<NodeInfo, FilterStatus> filter)
    {
        if (!_staticVerdicts.TryGetValue(scheduler, out var bySpec))
        {
            _staticVerdicts[scheduler] = bySpec = new(ReferenceEqualityComparer.Instance);
        }

        if (!bySpec.TryGetValue(spec, out var verdicts))
        {
            var (signature, groupOf, representatives) = NodeGroups(spec);
            var byGroup = representatives.Select(filter).ToArray();
            var passingGroups = signature + "\n" + string.Join(',', Enumerable.Range(0, byGroup.Length).Where(g => byGroup[g].IsSuccess));
            if (!_passing.TryGetValue(passingGroups, out var passing))
            {
                _passing[passingGroups] = passing = [.. Enumerable.Range(0, _nodes.Length).Where(i => byGroup[groupOf[i]].IsSuccess)];
            }

            bySpec[spec] = verdicts = new NodeVerdicts(groupOf, byGroup, passing);
        }

        return verdicts;
    }

    /// <summary>
    /// The nodes grouped by everything the node-only filters read for this spec: the unschedulable flag, the taints,
    /// the values (or absence) of the labels its node selector and node affinity name, and the node's name only when
    /// the spec names a node or has <c>matchFields</c>. Nodes of one group get the same verdict; specs that read the
    /// same labels share the grouping.
    /// </summary>
    private (string Signature, int[] GroupOf, NodeInfo[] Representatives) NodeGroups(SchedulingSpec spec)
    {
        var requirements = spec.Eligibility.Affinity.Terms.SelectMany(t => t.Requirements).ToList();
        var byName = !string.IsNullOrEmpty(spec.Spec.NodeName) || requirements.Any(r => r.IsField);
        var keys = requirements.Where(r => !r.IsField).Select(r => r.Key).Distinct().Order(StringComparer.Ordinal).ToArray();
        var signature = (byName ? "name\n" : "labels\n") + string.Join('\n', keys);
        if (_nodeGroups.TryGetValue(signature, out var groups))
        {
            return (signature, groups.GroupOf, groups.Representatives);
        }

        var groupOf = new int[_nodes.Length];
        var representatives = new List<NodeInfo>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var key = new StringBuilder();
        foreach (var node in _nodes)
        {
            key.Clear().Append(node.Node.Unschedulable ? '1' : '0');
            foreach (var taint in node.Node.Taints)
            {
                key.Append('\0').Append(taint.Key).Append('\0').Append(taint.Value).Append('\0').Append(taint.Effect);
            }

            key.Append('\n');
            if (byName)
            {
                key.Append(node.Name);
            }

            foreach (var label in keys)
            {
                key.Append('\n').Append(node.Node.Metadata.Labels.TryGetValue(label, out var value) ? "=" + value : "\0");
            }

            if (!seen.TryGetValue(key.ToString(), out var group))
            {
                seen[key.ToString()] = group = representatives.Count;
                representatives.Add(node);
            }

            groupOf[node.Index] = group;
        }

        NodeInfo[] found = [.. representatives];
        _nodeGroups[signature] = (groupOf, found);
        return (signature, groupOf, found);
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
