using System.Globalization;
using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Placement;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>
/// HN012: two workloads of the input want conflicting host ports (HostPortInfo.CheckConflict, SEMANTICS.md §3.2) and
/// can run on a common node, where the scheduler's NodePorts filter keeps the second pod off
/// (pkg/scheduler/framework/plugins/nodeports/node_ports.go). Bindings are indexed by protocol and port; a pair is
/// reported once, on the later workload in input order, naming the earlier. Replicas of one workload are HN013's.
/// </summary>
public sealed class HostPortConflict : IRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN012",
        "host-port-conflict",
        "Two workloads want the same host port and can run on the same node",
        Severity.Error,
        "B. It will not run as written");

    public RuleDescriptor Descriptor => Rule;

    public void Check(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var nodes = KnownNodes.Of(context);
        var byPort = new Dictionary<(string Protocol, int Port), List<Claim>>();
        foreach (var workload in context.Workloads)
        {
            var bindings = HostPorts.Wanted(workload.Spec);
            if (bindings.Count == 0)
            {
                continue;
            }

            var placement = new Placed(workload, context.NamespaceOf(workload));
            foreach (var binding in bindings.DistinctBy(b => (b.Protocol, b.Port, b.HostIP)))
            {
                var key = (binding.Protocol, binding.Port);
                if (!byPort.TryGetValue(key, out var claims))
                {
                    byPort[key] = claims = [];
                }

                // The first earlier claim that clashes is named; scanning stops there, so a port wanted by many
                // workloads costs one comparison each in the usual case.
                var clash = claims.FirstOrDefault(c => c.Binding.ConflictsWith(binding) && placement.Competes(c.Placement));
                if (clash is not null)
                {
                    Report(context, placement, binding, clash, nodes);
                }

                claims.Add(new Claim(placement, binding));
            }
        }
    }

    private static void Report(AnalysisContext context, Placed later, HostPortBinding binding, Claim earlier, IReadOnlyList<Node> nodes)
    {
        var other = earlier.Placement.Workload;
        var position = FieldLocator.Locate(other.Source, earlier.Binding.FieldPath);
        var named = string.Create(CultureInfo.InvariantCulture, $"{context.Reference(other)} ({other.Source.File}:{position.Line})");
        var certain = later.IsDaemonSet || earlier.Placement.IsDaemonSet || (later.PinnedToOneNode && earlier.Placement.PinnedToOneNode);
        string where;
        if (nodes.Count > 0)
        {
            var common = nodes
                .Where(n => later.Eligibility.Admits(n) && earlier.Placement.Eligibility.Admits(n))
                .Select(n => n.Name)
                .ToArray();
            if (common.Length == 0)
            {
                return;
            }

            where = $"both can run on node(s) {KnownNodes.List(common)}";
        }
        else
        {
            where = "nothing keeps the two on separate nodes";
        }

        var consequence = certain
            ? $"on every node that runs both, the pod placed second stays Pending ({SchedulerReasons.NodePorts})"
            : string.Create(
                CultureInfo.InvariantCulture,
                $"the scheduler puts their pods on different nodes, so together they need {later.Pods + earlier.Placement.Pods} nodes with the port free, and pods beyond that stay Pending ({SchedulerReasons.NodePorts})");
        context.Report(
            Rule,
            later.Workload,
            binding.FieldPath,
            $"host port {binding} is also wanted by {named} and {where}: {consequence}",
            "move one of the two to another port, or give them node selectors that cannot match the same node",
            certain ? Severity.Error : Severity.Warning);
    }

    private sealed record Claim(Placed Placement, HostPortBinding Binding);

    /// <summary>A workload with where its pods may run.</summary>
    private sealed class Placed(Workload workload, string @namespace)
    {
        public Workload Workload { get; } = workload;

        public string Namespace { get; } = @namespace;

        public bool IsDaemonSet => Workload.Kind == "DaemonSet";

        public NodeEligibility Eligibility { get; } = workload.Kind == "DaemonSet"
            ? NodeEligibility.ForDaemonSetPod(workload.Spec)
            : NodeEligibility.ForPod(workload.Spec);

        public bool PinnedToOneNode => Eligibility.PinnedNodeCount() == 1;

        /// <summary>How many pods compete for nodes (a DaemonSet's one per node is handled as certain).</summary>
        public int Pods => Workload.IsReplicated ? Workload.EffectiveReplicas : 1;

        /// <summary>
        /// Whether pods of the two can meet on a node: different objects (the same kind, namespace and name twice is
        /// one object), node constraints that overlap, and no required anti-affinity between them on the host name.
        /// </summary>
        public bool Competes(Placed other) =>
            !ReferenceEquals(Workload, other.Workload)
            && !(Workload.Kind == other.Workload.Kind && Namespace == other.Namespace && Workload.Name == other.Workload.Name)
            && Eligibility.CanShareNodeWith(other.Eligibility)
            && !Repels(other) && !other.Repels(this);

        private bool Repels(Placed other) => Workload.Spec.RequiredPodAntiAffinity.Any(term =>
            term.TopologyKey == NodeRequirement.HostnameLabel
            && term.LabelSelector is { } selector
            && selector.Matches(other.Workload.Template.Metadata.Labels)
            && (term.Namespaces.Count == 0 ? Namespace == other.Namespace : term.Namespaces.Contains(other.Namespace)));
    }
}
