using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Cache;
using Hostnet.Core.Scheduling.Expansion;
using Hostnet.Core.Scheduling.Framework;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Scheduling;

/// <summary>
/// The scheduler's indexes and shortcuts (node-only verdicts per group of alike nodes, the turn over passing nodes
/// only, host ports and owners indexed by node, lazy tie-breaking, the namespace index of anti-affinity terms) change
/// nothing: over random clusters of 100–300 nodes (so that numFeasibleNodesToFind samples), every pod gets the same
/// node, the same count of feasible nodes and the same FailedScheduling reasons as from a plain cycle that runs
/// <see cref="Scheduler.Filter"/> on each node in turn and scores with <see cref="NodeScoring.Best(PodInfo, IReadOnlyList{NodeInfo})"/>.
/// </summary>
public sealed class SchedulerEquivalenceTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(40);

    [Fact]
    public void Schedule_RandomClusters_MatchesAPlainCycleOverEveryNode() =>
        Prop.ForAll<int>(seed =>
        {
            var random = new Random(seed);
            var (nodes, workloads) = Scenario(random);
            var state = new ClusterState(nodes);
            var scheduler = new Scheduler(KubeVersion.Latest);
            var reference = new PlainCycle(KubeVersion.Latest);
            var placed = new List<PodInfo>();
            foreach (var (workload, @namespace) in workloads)
            {
                foreach (var pod in WorkloadExpander.Expand(workload, @namespace, state.Nodes).Select(p => p.Pod))
                {
                    var expected = reference.Schedule(pod, state);
                    var actual = scheduler.Schedule(pod, state);
                    (actual.NodeName, actual.FeasibleNodes, actual.ExaminedAllNodes).ShouldBe((expected.Node, expected.Feasible, expected.All), $"pod {pod} (seed {seed})");
                    if (expected.Reasons is { } reasons)
                    {
                        actual.Message.ShouldStartWith(reasons, Case.Sensitive, $"pod {pod} (seed {seed})");
                    }

                    if (actual.NodeName is { } node)
                    {
                        state.Add(pod, node);
                        placed.Add(pod);
                    }

                    if (placed.Count > 0 && random.Next(8) == 0)
                    {
                        var gone = placed[random.Next(placed.Count)];
                        state.Remove(gone);
                        placed.Remove(gone);
                    }
                }
            }
        }).Check(Runs);

    /// <summary>
    /// 100–300 nodes in three pools over four zones (pool p2 tainted, a few NoExecute taints, 3 % cordoned, room for
    /// 3–6 pods), then 4–10 Deployments (1–40 replicas) and DaemonSets in two namespaces with host ports (shared on
    /// purpose, some on 127.0.0.1 or UDP), node selectors, tolerations, CPU requests and anti-affinity by host or zone.
    /// </summary>
    private static (List<Node> Nodes, List<(Workload Workload, string Namespace)> Workloads) Scenario(Random random)
    {
        var text = new StringBuilder();
        var nodeCount = 100 + random.Next(201);
        for (var i = 0; i < nodeCount; i++)
        {
            var pool = random.Next(3);
            var taint = pool == 2 ? "[{key: dedicated, value: p2, effect: NoSchedule}]" : random.Next(20) == 0 ? "[{key: edge, effect: NoExecute}]" : "[]";
            text.Append(CultureInfo.InvariantCulture, $"---\napiVersion: v1\nkind: Node\nmetadata: {{name: n{i:D3}, labels: {{kubernetes.io/hostname: n{i:D3}, zone: z{random.Next(4)}, pool: p{pool}}}}}\nspec: {{unschedulable: {(random.Next(33) == 0 ? "true" : "false")}, taints: {taint}}}\nstatus: {{allocatable: {{cpu: '{2 + random.Next(7)}', pods: '{3 + random.Next(4)}'}}}}\n");
        }

        var workloads = new List<string>();
        var workloadCount = 4 + random.Next(7);
        for (var i = 0; i < workloadCount; i++)
        {
            var hostIp = random.Next(4) == 0 ? ", hostIP: 127.0.0.1" : string.Empty;
            var protocol = random.Next(4) == 0 ? ", protocol: UDP" : string.Empty;
            var ports = random.Next(3) switch
            {
                0 => "[]",
                1 => $"[{{containerPort: {80 + random.Next(3)}, hostPort: {80 + random.Next(3)}{hostIp}{protocol}}}]",
                _ => $"[{{containerPort: 9100, hostPort: 9100}}, {{containerPort: {8000 + i}, hostPort: {8000 + i}{protocol}}}]",
            };
            var selector = random.Next(2) == 0 ? $"nodeSelector: {{pool: p{random.Next(3)}}}, " : string.Empty;
            var toleration = random.Next(3) == 0 ? "tolerations: [{key: dedicated, operator: Exists}], " : string.Empty;
            var antiAffinity = random.Next(3) == 0
                ? $"affinity: {{podAntiAffinity: {{requiredDuringSchedulingIgnoredDuringExecution: [{{topologyKey: {(random.Next(2) == 0 ? "zone" : "kubernetes.io/hostname")}, labelSelector: {{matchLabels: {{tier: t{random.Next(3)}}}}}{(random.Next(3) == 0 ? ", namespaces: [a, b]" : string.Empty)}}}]}}}}, "
                : string.Empty;
            var kind = random.Next(4) == 0 ? "DaemonSet" : "Deployment";
            workloads.Add($"---\napiVersion: apps/v1\nkind: {kind}\nmetadata: {{name: w{i}}}\nspec: {{replicas: {1 + random.Next(40)}, selector: {{matchLabels: {{app: w{i}}}}}, template: {{metadata: {{labels: {{app: w{i}, tier: t{random.Next(3)}}}}}, spec: {{hostNetwork: true, {selector}{toleration}{antiAffinity}containers: [{{name: c, image: nginx, ports: {ports}, resources: {{requests: {{cpu: {random.Next(4) * 500}m}}}}}}]}}}}}}\n");
        }

        var objects = new ManifestLoader().Load(new SourceFile("random.yaml", text + string.Concat(workloads))).Documents.Select(ObjectReader.Read).ToList();
        return ([.. objects.OfType<Node>()], [.. objects.OfType<Workload>().Select((w, i) => (w, i % 2 == 0 ? "a" : "b"))]);
    }

    /// <summary>
    /// schedule_one.go's cycle without any shortcut: from the next start node, every filter on each candidate in turn
    /// until numFeasibleNodesToFind are feasible, then the best of them; a failing pod gets FitError's reasons (the
    /// preemption part is the scheduler's own). A pod like the last failing one on an unchanged state repeats its
    /// result without moving the start, as the scheduler does.
    /// </summary>
    private sealed class PlainCycle(KubeVersion version)
    {
        private readonly Scheduler _filters = new(version);
        private int _next;
        private (SchedulingSpec Spec, string Namespace, IReadOnlyDictionary<string, string> Labels, long Version, (string?, int, bool, string?) Result)? _lastFailure;

        public (string? Node, int Feasible, bool All, string? Reasons) Schedule(PodInfo pod, ClusterState state)
        {
            if (_lastFailure is { } last && ReferenceEquals(last.Spec, pod.Spec) && last.Namespace == pod.Namespace
                && ReferenceEquals(last.Labels, pod.Labels) && last.Version == state.Version)
            {
                return last.Result;
            }

            var names = pod.Spec.PreFilterNodeNames;
            var candidates = names is null ? [.. state.Nodes] : state.Nodes.Where(n => names.Contains(n.Name)).ToList();
            var toFind = candidates.Count < 100 ? candidates.Count : Math.Max(candidates.Count * Math.Max(50 - (candidates.Count / 125), 5) / 100, 100);
            var feasible = new List<NodeInfo>();
            var statuses = new Dictionary<string, FilterStatus>(StringComparer.Ordinal);
            var examined = 0;
            for (; examined < candidates.Count && feasible.Count < toFind; examined++)
            {
                var node = candidates[(_next + examined) % candidates.Count];
                var status = _filters.Filter(pod, state, node);
                if (status.IsSuccess)
                {
                    feasible.Add(node);
                }
                else
                {
                    statuses[node.Name] = status;
                }
            }

            _next = (_next + examined) % state.Nodes.Count;
            if (feasible.Count > 0)
            {
                return (NodeScoring.Best(pod, feasible).Name, feasible.Count, examined == candidates.Count, null);
            }

            var absent = names is not null && Diagnosis.FilteredOutByPreFilter("NodeAffinity", version) is { } reason
                ? FilterStatus.Unresolvable("NodeAffinity", reason)
                : null;
            var result = ((string?)null, 0, true, (string?)new FitError(state.Nodes.Count, new Diagnosis(statuses, absent)).Error(version));
            _lastFailure = (pod.Spec, pod.Namespace, pod.Labels, state.Version, result);
            return result;
        }
    }
}
