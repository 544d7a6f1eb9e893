using System.Globalization;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Planning;
using Hostnet.Core.Semantics.Listeners;
using Hostnet.Core.Semantics.Placement;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Ports;

/// <summary>
/// Builds the host-port map of <c>hostnet ports</c>: per node, the ports the scheduler knows (declared host ports,
/// HostPorts.Wanted) and those it does not (undeclared listeners of host-network pods, inferred as HN010 infers them;
/// node components of SEMANTICS.md §10; Service node ports). Pods that ended (Succeeded, Failed) hold nothing, as the
/// scheduler drops them from its cache; terminating pods hold their ports until they are gone.
/// Manifests given beside the cluster are placed by <see cref="Planner"/>, as <c>hostnet plan</c> places them: each
/// pod that runs adds its ports on its node, marked certain when no scheduling choice was involved (a pod naming its
/// node, a DaemonSet pod, the only node left) and "in this run" otherwise; pods of host-port or host-network workloads
/// that would not run (Pending, rejected) are listed as not placed.
/// </summary>
internal static class PortMapBuilder
{
    /// <summary>The detail of a port <c>reservedPorts</c> in <c>.hostnet.yaml</c> says every node holds.</summary>
    private const string ReservedByConfiguration = "on every node (reservedPorts in .hostnet.yaml)";

    public static PortMap Build(ClusterSnapshot cluster, IReadOnlyList<Workload> planned, PlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(planned);
        options ??= PlanOptions.Default;
        var nodes = new Dictionary<string, NodeState>(StringComparer.Ordinal);
        foreach (var node in cluster.Nodes)
        {
            nodes.TryAdd(node.Name, new NodeState(node));
        }

        var shared = new SharedPodParts();
        foreach (var pod in cluster.Pods)
        {
            if (pod.NodeName is { } name && nodes.TryGetValue(name, out var state) && !pod.Status.Ended)
            {
                // Most pods hold no host port: nothing to add, so no names to make (150,000 pods in a large snapshot).
                var spec = pod.Pod.Spec;
                var wanted = shared.HostPorts(spec);
                if (wanted.Count > 0 || spec.HostNetwork)
                {
                    var owner = pod.Controller is { } controller ? shared.OwnerName(controller) : null;
                    var undeclared = spec.HostNetwork ? shared.Undeclared(spec) : [];
                    state.AddPod(spec, wanted, undeclared, $"Pod {pod.Pod.NamespaceOr(options.DefaultNamespace)}/{pod.Pod.Name}", owner, planned: false, pod.Status.Terminating);
                }
            }
        }

        var unplaced = planned.Count == 0 ? new List<string>() : Place(cluster, planned, options, nodes, shared);
        var images = new ComponentImages();
        foreach (var state in nodes.Values)
        {
            state.AddComponents(images);
        }

        var everyNode = NodeComponentPorts.Entries
            .Where(e => e.Scope == NodeComponentScope.EveryNode)
            .Concat(options.ExtraReservedPorts.Select(e => e with { Where = ReservedByConfiguration }))
            .Select(e => Component(e, owner: null))
            .Concat(cluster.Services.SelectMany(s => ServiceNodePorts(s, options.DefaultNamespace)))
            .OrderBy(u => u.Port).ThenBy(u => u.Protocol, StringComparer.Ordinal)
            .ToArray();
        return new PortMap(
            everyNode,
            [.. cluster.Nodes.Where(n => nodes[n.Name].Node == n).Select(n => new NodePortUses(n.Name, nodes[n.Name].Sorted()))],
            unplaced);
    }

    /// <summary>Plans the manifests on the cluster and adds the ports of their running pods; returns the pods that would not run.</summary>
    private static List<string> Place(ClusterSnapshot cluster, IReadOnlyList<Workload> planned, PlanOptions options, Dictionary<string, NodeState> nodes, SharedPodParts shared)
    {
        var byOwner = new Dictionary<(string Namespace, string Owner), Workload>();
        foreach (var workload in planned)
        {
            byOwner[(workload.NamespaceOr(options.DefaultNamespace), workload.DisplayName)] = workload;
        }

        var unplaced = new List<(Workload Workload, string Namespace, string Status)>();
        foreach (var pod in Planner.Plan(cluster, planned, options).Pods.Where(p => p.FromInput))
        {
            if (!byOwner.TryGetValue((pod.Namespace, pod.Owner), out var workload))
            {
                continue;
            }

            var controller = workload.IsPod ? null : pod.Owner;
            if (pod.Node is { } nodeName && pod.Status is "Running" or "CrashLoopBackOff" && nodes.TryGetValue(nodeName, out var state))
            {
                var undeclared = workload.Spec.HostNetwork ? shared.Undeclared(workload.Spec) : [];
                state.AddPod(workload.Spec, shared.HostPorts(workload.Spec), undeclared, $"Pod {pod.Namespace}/{pod.Name}", controller, planned: true, terminating: false, pod.Certain);
            }
            else if (workload.Spec.HostNetwork || shared.HostPorts(workload.Spec).Count > 0)
            {
                unplaced.Add((workload, pod.Namespace, pod.DisplayStatus));
            }
        }

        // One entry per workload and status: a DaemonSet that cannot run anywhere is one line, not one per node.
        return [.. unplaced
            .GroupBy(u => (u.Workload, u.Namespace, u.Status))
            .Select(g => g.Key.Workload.IsPod
                ? $"Pod {g.Key.Namespace}/{g.Key.Workload.Name} ({g.Key.Status})"
                : string.Create(CultureInfo.InvariantCulture, $"{g.Key.Workload.Kind} {g.Key.Namespace}/{g.Key.Workload.Name}: {g.Count()} pod(s) {g.Key.Status}"))];
    }

    private static IEnumerable<PortUse> ServiceNodePorts(Service service, string defaultNamespace) =>
        service.Ports
            .Where(p => p.NodePort > 0)
            .Select(p => new PortUse(
                p.NodePort,
                p.NodePort,
                p.Protocol,
                HostPortInfo.DefaultBindAllHostIP,
                PortSource.ServiceNodePort,
                $"Service {service.NamespaceOr(defaultNamespace)}/{service.Name}",
                null,
                string.Create(CultureInfo.InvariantCulture, $"{service.Type} port {p.Port}, taken by kube-proxy"),
                Planned: false));

    private static PortUse Component(Semantics.NodeReservedPort entry, string? owner) => new(
        entry.From,
        entry.To,
        entry.Protocol,
        entry.Owner.Contains("127.0.0.1", StringComparison.Ordinal) ? "127.0.0.1" : HostPortInfo.DefaultBindAllHostIP,
        PortSource.NodeComponent,
        entry.Owner,
        owner,
        entry.Where ?? string.Empty,
        Planned: false);

    /// <summary>What one node holds while the map is built.</summary>
    private sealed class NodeState(Node node)
    {
        private readonly List<PortUse> _uses = [];
        private readonly List<(Container Container, string Owner, string? Workload)> _containers = [];

        public Node Node { get; } = node;

        /// <summary>A pod's declared host ports and, on the host network, the listeners it does not declare (empty otherwise).</summary>
        public void AddPod(PodSpec spec, IReadOnlyList<HostPortBinding> wanted, IReadOnlyList<UndeclaredListener> undeclared, string owner, string? workload, bool planned, bool terminating, bool certain = true)
        {
            foreach (var binding in wanted)
            {
                _uses.Add(new PortUse(binding.Port, binding.Port, binding.Protocol, binding.HostIP, PortSource.Declared, owner, workload, $"container {binding.Container.Name}", planned, terminating) { Certain = certain });
            }

            foreach (var (container, listener, _) in undeclared)
            {
                _uses.Add(new PortUse(listener.Port, listener.Port, listener.Protocol, HostPortInfo.DefaultBindAllHostIP, PortSource.Inferred, owner, workload, $"{listener.Evidence} in container {container.Name}", planned, terminating) { Certain = certain });
            }

            foreach (var container in spec.HostNetwork ? spec.LongRunningContainers : [])
            {
                _containers.Add((container, owner, workload));
            }
        }

        /// <summary>
        /// The components the node holds beyond those of every node (<see cref="NodeComponentPorts.HeldOn"/>: the
        /// control plane's on control-plane nodes, kube-proxy's, Calico's, Cilium's … where a host-network pod of
        /// their image runs), unless their pod declares the port itself.
        /// </summary>
        public void AddComponents(ComponentImages images)
        {
            var owned = new bool[_containers.Count][];
            for (var c = 0; c < owned.Length; c++)
            {
                owned[c] = images.OwnedBy(_containers[c].Container.Image);
            }

            for (var e = 0; e < images.Entries.Length; e++)
            {
                var entry = images.Entries[e];
                var first = Array.FindIndex(owned, o => o[e]);
                var running = first < 0 ? default : _containers[first];
                if (!NodeComponentPorts.HeldOn(entry, Node, running.Container is not null))
                {
                    continue;
                }

                var owner = running.Container is null ? null : running.Workload ?? running.Owner;
                if (!_uses.Any(u => u.Port <= entry.To && u.ToPort >= entry.From && entry.Covers(u.Port, u.Protocol) && u.Owner == running.Owner))
                {
                    _uses.Add(Component(entry, owner));
                }
            }
        }

        public PortUse[] Sorted() =>
            [.. _uses.OrderBy(u => u.Port).ThenBy(u => u.Protocol, StringComparer.Ordinal).ThenBy(u => u.Owner, StringComparer.Ordinal)];
    }
}
