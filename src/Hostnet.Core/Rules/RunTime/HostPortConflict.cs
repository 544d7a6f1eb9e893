using System.Globalization;
using System.Text;
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
/// (pkg/scheduler/framework/plugins/nodeports/node_ports.go). Bindings are indexed by protocol and port, host IP, object
/// and node constraints (<see cref="Claims"/>), so a run costs near linear time whatever the input; a pair is
/// reported once, on the later workload in input order, naming the earlier. Replicas of one workload are HN013's. With a
/// snapshot, the pods already running are checked too (<see cref="RunningPortConflicts"/>).
/// </summary>
internal sealed class HostPortConflict : IPlacementRule
{
    public static RuleDescriptor Rule { get; } = new(
        "HN012",
        "host-port-conflict",
        "Two workloads want the same host port and can run on the same node",
        Severity.Error,
        RuleSection.WillNotRun)
    {
        Messages =
        [
            Messages.PortTaken, Messages.BothCanRun, Messages.NothingSeparates, Messages.SecondPending, Messages.NeedNodes, .. RunningPortConflicts.MessageTexts,
            Messages.HeldTwice, Messages.HeldByMany, Messages.DeclaredHolder, Messages.UndeclaredHolder,
            Messages.PodPendingNow, Messages.PodsPendingNow, Messages.HeldOnOneNode, Messages.HeldOnNodes, Messages.ItselfHolder,
        ],
        Fixes = [Fixes.MoveOrSeparate, .. RunningPortConflicts.FixTexts, Fixes.DeclareOrMoveOne, Fixes.DeclareOrMoveAllButOne, Fixes.MoveOrKeepApart],
    };

    public RuleDescriptor Descriptor => Rule;

    /// <summary>
    /// HN012's messages for two workloads of the input: the port ({0}), the other workload ({1}), where both can run
    /// ({2}: BothCanRun with the nodes, or NothingSeparates) and what follows ({3}: SecondPending, or NeedNodes with how
    /// many). Those about running pods are <see cref="RunningPortConflicts"/>'. Observed by <c>hostnet audit</c>: pods of
    /// one node holding the same port now (Audit/PortClashes.cs: HeldTwice with the port {0}/{1}, the nodes {2} and the
    /// two holders {3}, {4}; HeldByMany with the port, how many {2}, the nodes {3} and the holders {4}; each holder
    /// DeclaredHolder or UndeclaredHolder with the pod {0} and what listens {1}), and pods Pending for ports another
    /// workload holds (Audit/PendingForPorts.cs: PodPendingNow with the pod {0}, its owner {1}, the scheduler's message
    /// {2} and the holders {3}; PodsPendingNow with how many {0}, the owner {1}, one pod {2}, the message {3}, the holders
    /// {4}; each holder HeldOnOneNode or HeldOnNodes with the port, how many nodes and who, ItselfHolder for the owner).
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

        private const string OnlyDeclaredSeen = "the kubelet and the scheduler only see declared ports, so ";

        public static RuleText HeldTwice { get; } = new(
            nameof(HeldTwice),
            "host port {0}/{1} is held twice on {2}: by {3} and by {4}; " + OnlyDeclaredSeen + "both run there and whichever binds second fails with \"address already in use\" and crash-loops");

        public static RuleText HeldByMany { get; } = new(
            nameof(HeldByMany),
            "host port {0}/{1} is held by {2} pods on {3}: {4}; " + OnlyDeclaredSeen
                + "they all run there and each one that binds after another it clashes with fails with \"address already in use\" and crash-loops");

        public static RuleText DeclaredHolder { get; } = new(nameof(DeclaredHolder), "{0} (declared)");

        public static RuleText UndeclaredHolder { get; } = new(nameof(UndeclaredHolder), "{0} (not declared: {1})");

        public static RuleText PodPendingNow { get; } = new(nameof(PodPendingNow), "Pod {0} of {1} is Pending: \"{2}\"{3}");

        public static RuleText PodsPendingNow { get; } = new(nameof(PodsPendingNow), "{0} pods of {1} (e.g. {2}) are Pending: \"{3}\"{4}");

        public static RuleText HeldOnOneNode { get; } = new(nameof(HeldOnOneNode), "; {0}/{1} is held on 1 node by {2}");

        public static RuleText HeldOnNodes { get; } = new(nameof(HeldOnNodes), "; {0}/{1} is held on {2} nodes by {3}");

        public static RuleText ItselfHolder { get; } = new(nameof(ItselfHolder), "{0} itself");
    }

    internal static class Fixes
    {
        public static RuleText MoveOrSeparate { get; } = new(
            nameof(MoveOrSeparate),
            "move one of the two to another port, or give them node selectors that cannot match the same node");

        private const string Declare = "declare the port (containerPort) so the scheduler keeps them apart, or move ";

        public static RuleText DeclareOrMoveOne { get; } = new(nameof(DeclareOrMoveOne), Declare + "one of them to another port");

        public static RuleText DeclareOrMoveAllButOne { get; } = new(nameof(DeclareOrMoveAllButOne), Declare + "all but one of them to other ports");

        public static RuleText MoveOrKeepApart { get; } = new(nameof(MoveOrKeepApart), "move one of the workloads to another port, or keep them on separate nodes");
    }

    public void Check(AnalysisContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A workload never clashes with itself (Placed.Competes): one alone (an admission review) needs no index, nor its
        // host ports worked out.
        if (context.Workloads.Count > 1)
        {
            var wanting = context.Workloads
                .Select(w => (Workload: w, Bindings: context.HostPortsOf(w)))
                .Where(w => w.Bindings.Count > 0)
                .ToList();
            if (wanting.Count > 1)
            {
                CheckAmong(context, wanting);
            }
        }

        RunningPortConflicts.Check(context, Rule);
    }

    /// <summary>Claims each workload's host ports in input order, reporting each one another workload holds already.</summary>
    private static void CheckAmong(AnalysisContext context, List<(Workload Workload, IReadOnlyList<HostPortBinding> Bindings)> wanting)
    {
        var nodes = context.RunningCluster.Nodes;
        var byPort = new Dictionary<(string Protocol, int Port), Claims>();
        var sequence = 0;
        foreach (var (workload, bindings) in wanting)
        {
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

    internal sealed record Claim(int Sequence, Placed Placement, HostPortBinding Binding)
    {
        public bool ClashesWith(Claim earlier) => earlier.Binding.ConflictsWith(Binding) && Placement.Competes(earlier.Placement);
    }

    /// <summary>
    /// The claims on one protocol and port, indexed so that a new claim meets only the claims it may clash with, in near
    /// constant time for the shapes that come in thousands: claims of one object (the same name over and over) are one
    /// group, skipped whole; groups are kept by host IP (an address clashes only with itself and 0.0.0.0) and by the
    /// values their node constraints allow for a label or node name (a pod with <c>nodeSelector: {pool: a}</c> never
    /// meets one with <c>{pool: b}</c>, nor a pod pinned to node-1 one pinned to node-2). Groups are visited in input
    /// order and a visit stops once it passes the earliest clash found, so the answer is the earliest clash in input
    /// order, exactly as a scan over every earlier claim would give.
    /// </summary>
    internal sealed class Claims
    {
        private readonly Dictionary<string, ClaimsOnAddress> _byAddress = new(StringComparer.Ordinal);
        private readonly Tally _comparisons = new();

        /// <summary>How many groups and earlier claims new claims were compared with: the work the index leaves (tests bound it).</summary>
        public long Comparisons => _comparisons.Count;

        public Claim? FirstClash(Claim claim)
        {
            if (claim.Placement.AllowedValues is null)
            {
                return null;
            }

            Claim? first = null;
            if (claim.Binding.HostIP == HostPortInfo.DefaultBindAllHostIP)
            {
                foreach (var onAddress in _byAddress.Values)
                {
                    first = onAddress.FirstClash(claim, first);
                }

                return first;
            }

            foreach (var address in (ReadOnlySpan<string>)[claim.Binding.HostIP, HostPortInfo.DefaultBindAllHostIP])
            {
                if (_byAddress.TryGetValue(address, out var onAddress))
                {
                    first = onAddress.FirstClash(claim, first);
                }
            }

            return first;
        }

        public void Add(Claim claim)
        {
            if (claim.Placement.AllowedValues is null)
            {
                // Its pods fit no node at all, so they clash with nothing.
                return;
            }

            if (!_byAddress.TryGetValue(claim.Binding.HostIP, out var onAddress))
            {
                _byAddress[claim.Binding.HostIP] = onAddress = new ClaimsOnAddress(_comparisons);
            }

            onAddress.Add(claim);
        }
    }

    /// <summary>The claims of one host IP, in groups indexed by the label values their node constraints allow.</summary>
    private sealed class ClaimsOnAddress(Tally comparisons)
    {
        private readonly Dictionary<(string Kind, string Namespace, string Name, string Placement), Group> _groups = [];
        private readonly Dictionary<string, GroupsByKeys> _byKeySet = new(StringComparer.Ordinal);

        /// <summary>The groups by the keys their constraints restrict, in the order the first group of each came.</summary>
        private readonly List<GroupsByKeys> _keySets = [];

        public Claim? FirstClash(Claim claim, Claim? first)
        {
            foreach (var keySet in _keySets)
            {
                if (first is not null && keySet.FirstSequence >= first.Sequence)
                {
                    break;
                }

                first = keySet.FirstClash(claim, first, comparisons);
            }

            return first;
        }

        public void Add(Claim claim)
        {
            var placed = claim.Placement;
            var key = (placed.Workload.Kind, placed.Namespace, placed.Workload.Name, placed.Signature);
            if (_groups.TryGetValue(key, out var group))
            {
                group.Claims.Add(claim);
                return;
            }

            _groups[key] = group = new Group(claim);
            if (!_byKeySet.TryGetValue(placed.KeySet, out var keySet))
            {
                _byKeySet[placed.KeySet] = keySet = new GroupsByKeys(claim.Sequence, placed.AllowedValues!.Keys);
                _keySets.Add(keySet);
            }

            keySet.Add(group);
        }
    }

    /// <summary>Groups whose node constraints restrict the same keys, by each allowed value of each key.</summary>
    private sealed class GroupsByKeys(int firstSequence, IEnumerable<(bool IsField, string Key)> keys)
    {
        private readonly List<Group> _all = [];
        private readonly Dictionary<(bool IsField, string Key), Dictionary<string, List<Group>>> _byValue =
            keys.ToDictionary(k => k, _ => new Dictionary<string, List<Group>>(StringComparer.Ordinal));

        public int FirstSequence { get; } = firstSequence;

        public Claim? FirstClash(Claim claim, Claim? first, Tally comparisons)
        {
            // The key of ours that narrows the candidates most; with none in common, every group is a candidate.
            // Counted first and listed only for the key chosen: asked for every claim, so no list per key tried.
            var allowed = claim.Placement.AllowedValues!;
            Dictionary<string, List<Group>>? narrowest = null;
            IReadOnlySet<string>? narrowestValues = null;
            var narrowestCount = 0;
            foreach (var (key, byValue) in _byValue)
            {
                if (allowed.TryGetValue(key, out var values))
                {
                    var count = Candidates(byValue, values);
                    if (narrowest is null || count < narrowestCount)
                    {
                        (narrowest, narrowestValues, narrowestCount) = (byValue, values, count);
                    }
                }
            }

            if (narrowest is null)
            {
                return FirstClash(_all, claim, first, comparisons);
            }

            foreach (var value in narrowestValues!)
            {
                if (narrowest.TryGetValue(value, out var groups))
                {
                    first = FirstClash(groups, claim, first, comparisons);
                }
            }

            return first;
        }

        /// <summary>How many groups allow one of <paramref name="values"/>, counting a group once per value.</summary>
        private static int Candidates(Dictionary<string, List<Group>> byValue, IReadOnlySet<string> values)
        {
            var count = 0;
            foreach (var value in values)
            {
                if (byValue.TryGetValue(value, out var groups))
                {
                    count += groups.Count;
                }
            }

            return count;
        }

        public void Add(Group group)
        {
            _all.Add(group);
            foreach (var (key, values) in group.Claims[0].Placement.AllowedValues!)
            {
                var byValue = _byValue[key];
                foreach (var value in values)
                {
                    if (!byValue.TryGetValue(value, out var groups))
                    {
                        byValue[value] = groups = [];
                    }

                    groups.Add(group);
                }
            }
        }

        private static Claim? FirstClash(List<Group> groups, Claim claim, Claim? first, Tally comparisons)
        {
            foreach (var group in groups)
            {
                if (first is not null && group.Claims[0].Sequence >= first.Sequence)
                {
                    break;
                }

                first = group.FirstClash(claim, first, comparisons);
            }

            return first;
        }
    }

    /// <summary>The claims of one object (kind, namespace, name) on one address with one set of node constraints, in input order.</summary>
    private sealed class Group(Claim first)
    {
        public List<Claim> Claims { get; } = [first];

        public Claim? FirstClash(Claim claim, Claim? first, Tally comparisons)
        {
            comparisons.Count++;
            var earliest = Claims[0];
            if (!claim.Binding.ConflictsWith(earliest.Binding) || !claim.Placement.MayShareNodeWith(earliest.Placement))
            {
                // What differs between the claims of a group (anti-affinity by labels) only ever rules more out.
                return first;
            }

            foreach (var candidate in Claims)
            {
                if (first is not null && candidate.Sequence >= first.Sequence)
                {
                    break;
                }

                comparisons.Count++;
                if (claim.ClashesWith(candidate))
                {
                    return candidate;
                }
            }

            return first;
        }
    }

    /// <summary>A count the index's parts add to.</summary>
    private sealed class Tally
    {
        public long Count { get; set; }
    }

    /// <summary>A workload with where its pods may run.</summary>
    internal sealed class Placed
    {
        public Placed(Workload workload, string @namespace)
        {
            Workload = workload;
            Namespace = @namespace;
            Eligibility = IsDaemonSet ? NodeEligibility.ForDaemonSetPod(workload.Spec) : NodeEligibility.ForPod(workload.Spec);
            AllowedValues = Eligibility.Placement.AllowedValuesByKey();
            // Both texts through one builder: made for every workload that wants a host port.
            var text = new StringBuilder();
            KeySet = AllowedValues is null ? string.Empty : KeySetText(text, AllowedValues.Keys);
            Signature = SignatureText(text.Clear(), Eligibility.Placement.Terms);
        }

        public Workload Workload { get; }

        public string Namespace { get; }

        public bool IsDaemonSet => Workload.Kind == "DaemonSet";

        public NodeEligibility Eligibility { get; }

        /// <summary>Whether the pods are pinned to one node by name; asked only for a finding, so worked out then.</summary>
        public bool PinnedToOneNode => Eligibility.PinnedNodes()?.Count == 1;

        /// <summary>The labels (and node name) the node constraints restrict to a list of values; null when no node fits them.</summary>
        public IReadOnlyDictionary<(bool IsField, string Key), IReadOnlySet<string>>? AllowedValues { get; }

        /// <summary>The keys of <see cref="AllowedValues"/>, as one text.</summary>
        public string KeySet { get; }

        /// <summary>The node constraints as one text: equal texts, equal constraints.</summary>
        public string Signature { get; }

        /// <summary>The keys as <c>False:key</c> or <c>True:key</c> lines, in ordinal order of those lines.</summary>
        private static string KeySetText(StringBuilder text, IEnumerable<(bool IsField, string Key)> keys)
        {
            var sorted = keys.ToArray();
            // "False:…" sorts before "True:…", then the key decides: the lines' ordinal order.
            Array.Sort(sorted, static (a, b) => a.IsField != b.IsField ? a.IsField.CompareTo(b.IsField) : string.CompareOrdinal(a.Key, b.Key));
            for (var i = 0; i < sorted.Length; i++)
            {
                text.Append(i == 0 ? "" : "\n").Append(sorted[i].IsField).Append(':').Append(sorted[i].Key);
            }

            return text.ToString();
        }

        /// <summary>Terms on lines, their requirements split by tabs, a requirement's parts by U+0001.</summary>
        private static string SignatureText(StringBuilder text, IReadOnlyList<NodeTerm> terms)
        {
            for (var t = 0; t < terms.Count; t++)
            {
                if (t > 0)
                {
                    text.Append('\n');
                }

                var requirements = terms[t].Requirements;
                for (var r = 0; r < requirements.Count; r++)
                {
                    var requirement = requirements[r];
                    if (r > 0)
                    {
                        text.Append('\t');
                    }

                    text.Append(requirement.IsField).Append('\u0001').Append(requirement.Key).Append('\u0001').Append(requirement.Operator).Append('\u0001');
                    for (var v = 0; v < requirement.Values.Count; v++)
                    {
                        text.Append(v == 0 ? "" : "\u0001").Append(requirement.Values[v]);
                    }
                }
            }

            return text.ToString();
        }

        /// <summary>How many pods compete for nodes (a DaemonSet's one per node is handled as certain).</summary>
        public int Pods => Workload.IsReplicated ? Workload.EffectiveReplicas : 1;

        /// <summary>
        /// Whether pods of the two can meet on a node: different objects (the same kind, namespace and name twice is
        /// one object), node constraints that overlap, and no required anti-affinity between them on the host name.
        /// </summary>
        public bool Competes(Placed other) =>
            !ReferenceEquals(Workload, other.Workload)
            && MayShareNodeWith(other)
            && !Repels(other) && !other.Repels(this);

        /// <summary>What <see cref="Competes"/> asks that is the same for every workload of one group: another object, overlapping node constraints.</summary>
        public bool MayShareNodeWith(Placed other) =>
            !(Workload.Kind == other.Workload.Kind && Namespace == other.Namespace && Workload.Name == other.Workload.Name)
            && Eligibility.CanShareNodeWith(other.Eligibility);

        /// <summary>A loop, not <c>Any</c> with a closure: asked for every pair of claims compared.</summary>
        private bool Repels(Placed other)
        {
            var terms = Workload.Spec.RequiredPodAntiAffinity;
            for (var i = 0; i < terms.Count; i++)
            {
                var term = terms[i];
                if (term.TopologyKey == NodeRequirement.HostnameLabel
                    && term.LabelSelector is { } selector
                    && selector.Matches(other.Workload.Template.Metadata.Labels)
                    && (term.Namespaces.Count == 0 ? Namespace == other.Namespace : term.Namespaces.Contains(other.Namespace)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
