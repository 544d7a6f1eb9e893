using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Scheduling.Plugins;
using Hostnet.Core.Semantics.Ports;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>
/// HN012 against the pods already running in the snapshot: a workload of the input whose host port a running pod holds
/// (HostPortInfo.CheckConflict, SEMANTICS.md §3.2) on nodes it could go to. The <see cref="Scheduler"/>'s filters on
/// the cluster with the holders gone give the nodes it could go to; when every one of them is held the pods stay
/// Pending (or the kubelet rejects a pod naming its node) with Kubernetes' own message, an error; a DaemonSet pod is
/// bound to its node, so any held node is an error too; otherwise the scheduler goes elsewhere, a warning. Running pods
/// of a workload of the input are left to the pairwise check, and the workload's own running pods are replaced, not
/// competed with.
/// </summary>
internal static class RunningPortConflicts
{
    /// <summary>The messages of these findings, which HN012's descriptor lists.</summary>
    public static IReadOnlyList<RuleText> MessageTexts =>
        [Messages.HeldWhereTheyGo, Messages.DaemonSetNodes, Messages.EveryNode, Messages.StayPending, Messages.RejectedByKubelet, Messages.HeldOnSome, Messages.Beyond, Messages.Instead, Messages.ByRunningPods];

    /// <summary>The fix of these findings, which HN012's descriptor lists.</summary>
    public static IReadOnlyList<RuleText> FixTexts => [Fixes.MoveOrAvoid];

    /// <summary>
    /// What HN012 says of running pods that hold the port ({0} the port throughout). Where the pods can go nowhere else:
    /// where ({1}: DaemonSetNodes or EveryNode, each with ByRunningPods), what happens ({2}: StayPending or
    /// RejectedByKubelet) and the message ({3}). Where some nodes are free: on how many ({1} of {2}), by whom ({3}), the
    /// free nodes ({4} how many, {5} which) and the pods beyond them ({6}: Beyond or Instead).
    /// </summary>
    internal static class Messages
    {
        public static RuleText HeldWhereTheyGo { get; } = new(nameof(HeldWhereTheyGo), "host port {0} is held {1} {2}: \"{3}\"");

        public static RuleText DaemonSetNodes { get; } = new(nameof(DaemonSetNodes), "on {0} of the {1} node(s) this DaemonSet runs on {2}; the pods for those nodes");

        public static RuleText EveryNode { get; } = new(nameof(EveryNode), "on every node its pods could go to ({0}) {1}; its pods");

        public static RuleText StayPending { get; } = new(nameof(StayPending), "stay Pending");

        public static RuleText RejectedByKubelet { get; } = new(nameof(RejectedByKubelet), "are rejected by the kubelet");

        public static RuleText HeldOnSome { get; } = new(
            nameof(HeldOnSome),
            "host port {0} is held on {1} of the {2} node(s) its pods could go to {3}; the scheduler places them on the other {4} ({5}){6}");

        public static RuleText Beyond { get; } = new(
            nameof(Beyond),
            "; {0} of its {1} pods find no node with the port free and stay Pending (" + NodePortsPlugin.ErrReason + ")");

        public static RuleText Instead { get; } = new(nameof(Instead), " instead");

        public static RuleText ByRunningPods { get; } = new(nameof(ByRunningPods), "by running pods: {0}");
    }

    /// <summary>
    /// The running pods that hold host ports, indexed by port number and protocol, so that a workload is compared only
    /// with the pods holding one of its numbers (a snapshot of thousands of nodes runs a few pods per port, and scanning
    /// every running pod for every workload was workloads × pods). Two claims can conflict only with the same number
    /// and protocol (<see cref="HostPortInfo.Conflict"/>, whose <see cref="HostPortInfo.Sanitize"/> the key uses);
    /// that check still decides, on the pods found.
    /// </summary>
    internal sealed class PortHolders
    {
        private readonly Dictionary<(int Port, string Protocol), List<int>> _byPort = [];
        private readonly PodInfo[] _pods;

        public PortHolders(IEnumerable<PodInfo> pods)
        {
            _pods = [.. pods];
            for (var i = 0; i < _pods.Length; i++)
            {
                foreach (var held in _pods[i].Spec.Ports)
                {
                    var list = _byPort.TryGetValue(Key(held), out var found) ? found : _byPort[Key(held)] = [];
                    if (list.Count == 0 || list[^1] != i)
                    {
                        list.Add(i);
                    }
                }
            }
        }

        /// <summary>How many pods the lookups have compared with a wanted port (tests bound the work with it).</summary>
        public long Comparisons { get; private set; }

        /// <summary>The pods holding a port that conflicts with one of <paramref name="wanted"/>, in the order they were given.</summary>
        public PodInfo[] Holding(IReadOnlyList<HostPortBinding> wanted)
        {
            var found = new SortedSet<int>();
            foreach (var binding in wanted)
            {
                if (!_byPort.TryGetValue(Key(binding), out var candidates))
                {
                    continue;
                }

                foreach (var i in candidates)
                {
                    Comparisons++;
                    if (!found.Contains(i) && _pods[i].Spec.Ports.Any(binding.ConflictsWith))
                    {
                        found.Add(i);
                    }
                }
            }

            return [.. found.Select(i => _pods[i])];
        }

        private static (int, string) Key(HostPortBinding binding) => (binding.Port, HostPortInfo.Sanitize(binding.HostIP, binding.Protocol).Protocol);
    }

    internal static class Fixes
    {
        public static RuleText MoveOrAvoid { get; } = new(
            nameof(MoveOrAvoid),
            "move the workload to another port (hostnet ports --free lists the free ones), or keep it off those nodes");
    }

    public static void Check(AnalysisContext context, RuleDescriptor rule)
    {
        // Only the snapshot's pods run (ClusterSimulation): without any, nothing to build the simulation for (a check
        // without --cluster, an admission review).
        if (context.Cluster.Pods.Count == 0)
        {
            return;
        }

        var cluster = context.RunningCluster;
        if (cluster.Running.Count == 0)
        {
            return;
        }

        var ofInput = new HashSet<PodInfo>(context.Workloads.SelectMany(cluster.RunningOf), ReferenceEqualityComparer.Instance);
        var others = new PortHolders(cluster.Running.Where(r => !ofInput.Contains(r.Info)).Select(r => r.Info));
        foreach (var workload in context.Workloads)
        {
            var wanted = context.HostPortsOf(workload);
            if (wanted.Count > 0)
            {
                Check(context, rule, workload, wanted, others.Holding(wanted));
            }
        }
    }

    private static void Check(AnalysisContext context, RuleDescriptor rule, Workload workload, IReadOnlyList<HostPortBinding> wanted, PodInfo[] holders)
    {
        var cluster = context.RunningCluster;
        var pods = cluster.PodsOf(workload);
        if (holders.Length == 0 || pods.Count == 0)
        {
            return;
        }

        var heldNodes = holders.Select(h => cluster.State.NodeOf(h)!.Name).ToHashSet(StringComparer.Ordinal);

        // A DaemonSet's pods each have their node; the others share one spec and may go to any node that passes.
        var candidates = workload.Kind == "DaemonSet" ? pods : [pods[0]];

        // A pod naming its node fits that node alone (NodeName filter): when none of the named nodes is held, nothing is
        // blocked, and the filters need not run over every node. The audit asks this of one running pod per owner, each
        // naming its node, while its siblings hold the same port elsewhere.
        if (candidates.All(c => !string.IsNullOrEmpty(c.Spec.Spec.NodeName) && !heldNodes.Contains(c.Spec.Spec.NodeName)))
        {
            return;
        }

        var own = cluster.RunningOf(workload);
        var couldGo = cluster.FeasibleNodes(candidates, [.. own, .. holders]).Select(c => (c.Pod, Node: c.Node.Name)).ToArray();
        var blocked = couldGo.Where(c => heldNodes.Contains(c.Node)).ToArray();
        if (blocked.Length == 0)
        {
            return;
        }

        var blockedNodes = blocked.Select(b => b.Node).ToHashSet(StringComparer.Ordinal);
        var named = holders
            .Select(h => (Holder: h, Node: cluster.State.NodeOf(h)!.Name))
            .Where(h => blockedNodes.Contains(h.Node))
            .OrderBy(h => h.Node, StringComparer.Ordinal).ThenBy(h => h.Holder.ToString(), StringComparer.Ordinal)
            .Select(h => $"{h.Holder} on {h.Node}")
            .ToArray();
        var binding = wanted.First(w => holders.Any(h => blockedNodes.Contains(cluster.State.NodeOf(h)!.Name) && h.Spec.Ports.Any(w.ConflictsWith)));
        var everywhere = blocked.Length == couldGo.Length;
        var isDaemonSet = workload.Kind == "DaemonSet";
        var by = Messages.ByRunningPods.With(KnownNodes.List(named));
        string message;
        if (isDaemonSet || everywhere)
        {
            var stuck = blocked[0].Pod;
            var outcome = cluster.Place([stuck], own)[0];
            var where = isDaemonSet
                ? Messages.DaemonSetNodes.With(blocked.Length, couldGo.Length, by)
                : Messages.EveryNode.With(couldGo.Length, by);
            var fate = (string.IsNullOrEmpty(stuck.Spec.Spec.NodeName) ? Messages.StayPending : Messages.RejectedByKubelet).Text;
            message = Messages.HeldWhereTheyGo.With(binding, where, fate, outcome.Message);
        }
        else
        {
            var free = couldGo.Select(c => c.Node).Where(n => !blockedNodes.Contains(n)).ToArray();
            var beyond = pods.Count > free.Length ? Messages.Beyond.With(pods.Count - free.Length, pods.Count) : Messages.Instead.Text;
            message = Messages.HeldOnSome.With(binding, blocked.Length, couldGo.Length, by, free.Length, KnownNodes.List(free), beyond);
        }

        context.Report(
            rule,
            workload,
            binding.FieldPath,
            message,
            Fixes.MoveOrAvoid.Text,
            isDaemonSet || everywhere ? Severity.Error : Severity.Warning);
    }
}
