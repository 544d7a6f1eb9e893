using Hostnet.Core.Analysis;
using Hostnet.Core.Documents;
using Hostnet.Core.Model;
using Hostnet.Core.Ports;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Planning;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Runs;

/// <summary>
/// <c>hostnet ports</c>'s run: the host-port map of a cluster with the manifests' workloads added as if applied,
/// narrowed to one node and protocol, or the ports of a range free on every node those workloads could run on. It decides
/// which nodes there are (the snapshot's, else the manifests', else <see cref="DefaultNode"/>, said in a notice) and
/// refuses a <c>--node</c> that is none of them; the command only prints what it answers.
/// </summary>
public static class HostPortQuery
{
    /// <summary>The node shown when neither the snapshot nor the manifests have one.</summary>
    public static Node DefaultNode { get; } = new(
        new ManifestDocument("(default)", new SourceMapping(SourcePosition.Start, []), "v1", "Node"),
        new ObjectMeta("node-1", null, new Dictionary<string, string>(), new Dictionary<string, string>()),
        false,
        [],
        new Dictionary<string, string>(),
        null,
        null);

    /// <summary>
    /// The answer to <c>hostnet ports</c> on <paramref name="snapshot"/> with the manifests' <paramref name="objects"/>
    /// (their Node objects as the nodes when the snapshot has none, their workloads added as if applied).
    /// </summary>
    public static HostPortAnswer Answer(
        ClusterSnapshot snapshot, IReadOnlyList<KubeObject> objects, AnalysisOptions options, string? node, string protocol, PortRange? free)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var cluster = WithNodes(snapshot, [.. objects.OfType<Node>()], out var assumedNode);
        var notice = assumedNode ? $"no --cluster and no Node in the manifests: showing one empty worker node named {DefaultNode.Name}" : null;
        if (node is not null && cluster.Nodes.All(n => n.Name != node))
        {
            return new HostPortAnswer(null, null, notice, $"--node {node}: no such node in the cluster");
        }

        var (map, query) = Run(cluster, [.. objects.OfType<Workload>()], options, node, protocol, free);
        return new HostPortAnswer(map, query, notice, null);
    }

    /// <summary>The snapshot, its nodes else the manifests' Node objects else <see cref="DefaultNode"/> (<paramref name="assumedNode"/>).</summary>
    private static ClusterSnapshot WithNodes(ClusterSnapshot snapshot, IReadOnlyList<Node> manifestNodes, out bool assumedNode)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        assumedNode = snapshot.Nodes.Count == 0 && manifestNodes.Count == 0;
        return snapshot.Nodes.Count > 0 ? snapshot : snapshot with { Nodes = manifestNodes.Count > 0 ? manifestNodes : [DefaultNode] };
    }

    /// <summary>Parses <c>--free FROM-TO</c> when given (null: no search); a word that is not a range of ports gives the problem to print.</summary>
    public static bool TryParseFree(string? text, out PortRange? range, out string? problem)
    {
        range = null;
        problem = null;
        if (text is null)
        {
            return true;
        }

        if (!PortRange.TryParse(text, out var parsed))
        {
            problem = $"--free must be a port range like 7000-8000 within 1-65535, not '{text}'";
            return false;
        }

        range = parsed;
        return true;
    }

    /// <summary>
    /// The map (all of it without <paramref name="free"/>, else the cluster as it is), narrowed to <paramref name="node"/>
    /// and <paramref name="protocol"/> (<c>any</c>: all), and with <paramref name="free"/> the free-port answer.
    /// </summary>
    private static (PortMap Map, FreePortQuery? Free) Run(
        ClusterSnapshot snapshot, IReadOnlyList<Workload> workloads, AnalysisOptions options, string? node, string protocol, PortRange? free)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        var planOptions = new PlanOptions(options.KubeVersion, options.DefaultNamespace, options.ExtraReservedPorts);
        var map = Narrow(PortMapBuilder.Build(snapshot, free is null ? workloads : [], planOptions), node, protocol);
        if (free is not { } wanted)
        {
            return (map, null);
        }

        var looked = protocol == "any" ? "TCP" : protocol;
        var nodes = FreePortCandidates.Nodes(new ClusterSimulation(snapshot.Nodes, snapshot.Pods, options.KubeVersion, options.DefaultNamespace), workloads, node);
        return (map, new FreePortQuery(looked, wanted.From, wanted.To, nodes, FreePorts.Find(map, nodes, wanted.From, wanted.To, looked)));
    }

    private static PortMap Narrow(PortMap map, string? node, string protocol)
    {
        bool Keeps(PortUse use) => protocol == "any" || use.Covers(use.Port, protocol);
        return map with
        {
            EveryNode = [.. map.EveryNode.Where(Keeps)],
            Nodes = [.. map.Nodes.Where(n => node is null || n.Node == node).Select(n => n with { Ports = [.. n.Ports.Where(Keeps)] })],
        };
    }
}
