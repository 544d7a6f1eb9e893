using System.Globalization;
using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Plugins;
using Hostnet.Core.Semantics.Placement;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>
/// HN012: two workloads of the input want conflicting host ports (HostPortInfo.CheckConflict, SEMANTICS.md §3.2) and
/// can run on a common node, where the scheduler's NodePorts filter keeps the second pod off
/// (pkg/scheduler/framework/plugins/nodeports/node_ports.go). Bindings are indexed by protocol and port; a pair is
/// reported once, on the later workload in input order, naming the earlier. Replicas of one workload are HN013's. With a
/// snapshot, the pods already running are checked too (<see cref="RunningPortConflicts"/>).
/// </summary>
internal sealed class HostPortConflict : IRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN012",
        "host-port-conflict",
        "Two workloads want the same host port and can run on the same node",
        Severity.Error,
        RuleSection.WillNotRun)
    {
        Messages = [Messages.PortTaken, Messages.BothCanRun, Messages.NothingSeparates, Messages.SecondPending, Messages.NeedNodes, .. RunningPortConflicts.MessageTexts],
        Fixes = [Fixes.MoveOrSeparate, .. RunningPortConflicts.FixTexts],
    };

    public RuleDescriptor Descriptor => Rule;

    /// <summary>
    /// HN012's messages for two workloads of the input: the port ({0}), the other workload ({1}), where both can run
    /// ({2}: BothCanRun with the nodes, or NothingSeparates) and what follows ({3}: SecondPending, or NeedNodes with how
    /// many). Those about running pods are <see cref="RunningPortConflicts"/>'.
    /// </summary>
    internal static class Messages
    {
        public static RuleText PortTaken { get; } = new(nameof(PortTaken), "host port {0} is also wanted by {1} and {2}: {3}");

        public static RuleText BothCanRun { get; } = new(nameof(BothCanRun), "both can run on node(s) {0}");

        public static RuleText NothingSeparates { get; } = new(nameof(NothingSeparates), "nothing keeps the two on separate nodes");

        public static RuleText SecondPending { get; } = new(
            nameof(SecondPending),
            "on every node that runs both, the pod placed second stays Pending (" + NodePortsPlugin.ErrReason + ")");

        public static RuleText NeedNodes { get; } = new(
            nameof(NeedNodes),
            "the scheduler puts their pods on different nodes, so together they need {0} nodes with the port free, and pods beyond that stay Pending (" + NodePortsPlugin.ErrReason + ")");
    }

    internal static class Fixes
    {
        public static RuleText MoveOrSeparate { get; } = new(
            nameof(MoveOrSeparate),
            "move one of the two to another port, or give them node selectors that cannot match the same node");
    }

    public void Check(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var nodes = context.RunningCluster.Nodes;
        var byPort = new Dictionary<(string Protocol, int Port), Claims>();
        var sequence = 0;
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
                    byPort[key] = claims = new Claims();
                }

                var claim = new Claim(sequence++, placement, binding);
                if (claims.FirstClash(claim) is { } clash)
                {
                    Report(context, placement, binding, clash, nodes);
                }

                claims.Add(claim);
            }
        }

        RunningPortConflicts.Check(context, Rule);
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
                .Where(n => DefaultProfile.Admits(later.Eligibility, n) && DefaultProfile.Admits(earlier.Placement.Eligibility, n))
                .Select(n => n.Name)
                .ToArray();
            if (common.Length == 0)
            {
                return;
            }

            where = Messages.BothCanRun.With(KnownNodes.List(common));
        }
        else
        {
            where = Messages.NothingSeparates.Text;
        }

        var consequence = certain ? Messages.SecondPending.Text : Messages.NeedNodes.With(later.Pods + earlier.Placement.Pods);
        context.Report(
            Rule,
            later.Workload,
            binding.FieldPath,
            Messages.PortTaken.With(binding, named, where, consequence),
            Fixes.MoveOrSeparate.Text,
            certain ? Severity.Error : Severity.Warning);
    }

    private sealed record Claim(int Sequence, Placed Placement, HostPortBinding Binding)
    {
        public bool ClashesWith(Claim earlier) => earlier.Binding.ConflictsWith(Binding) && Placement.Competes(earlier.Placement);
    }

    /// <summary>
    /// The claims on one protocol and port, indexed by the nodes they are pinned to, so that pods pinned to one node
    /// each (a common pattern at scale) are compared only with pods that may share their node.
    /// </summary>
    private sealed class Claims
    {
        private readonly List<Claim> _all = [];
        private readonly List<Claim> _open = [];
        private readonly Dictionary<string, List<Claim>> _byNode = new(StringComparer.Ordinal);

        /// <summary>The earliest claim in input order that clashes; each list is scanned up to its first clash only.</summary>
        public Claim? FirstClash(Claim claim)
        {
            if (claim.Placement.PinnedNodes is not { } pinned)
            {
                return _all.FirstOrDefault(claim.ClashesWith);
            }

            return pinned.Select(n => _byNode.GetValueOrDefault(n))
                .Append(_open)
                .Select(list => list?.FirstOrDefault(claim.ClashesWith))
                .OfType<Claim>()
                .MinBy(c => c.Sequence);
        }

        public void Add(Claim claim)
        {
            _all.Add(claim);
            if (claim.Placement.PinnedNodes is not { } pinned)
            {
                _open.Add(claim);
                return;
            }

            foreach (var node in pinned)
            {
                if (!_byNode.TryGetValue(node, out var list))
                {
                    _byNode[node] = list = [];
                }

                list.Add(claim);
            }
        }
    }

    /// <summary>A workload with where its pods may run.</summary>
    private sealed class Placed
    {
        public Placed(Workload workload, string @namespace)
        {
            Workload = workload;
            Namespace = @namespace;
            Eligibility = IsDaemonSet ? NodeEligibility.ForDaemonSetPod(workload.Spec) : NodeEligibility.ForPod(workload.Spec);
            PinnedNodes = Eligibility.PinnedNodes();
        }

        public Workload Workload { get; }

        public string Namespace { get; }

        public bool IsDaemonSet => Workload.Kind == "DaemonSet";

        public NodeEligibility Eligibility { get; }

        /// <summary>The nodes the pods are pinned to by name, or null when they may run on open-ended nodes.</summary>
        public IReadOnlySet<string>? PinnedNodes { get; }

        public bool PinnedToOneNode => PinnedNodes?.Count == 1;

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

        private bool Repels(Placed other) => Workload.Spec.RequiredPodAntiAffinity.Count > 0 && Workload.Spec.RequiredPodAntiAffinity.Any(term =>
            term.TopologyKey == NodeRequirement.HostnameLabel
            && term.LabelSelector is { } selector
            && selector.Matches(other.Workload.Template.Metadata.Labels)
            && (term.Namespaces.Count == 0 ? Namespace == other.Namespace : term.Namespaces.Contains(other.Namespace)));
    }
}
