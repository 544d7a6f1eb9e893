using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Cache;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Scheduling.Planning;
using Hostnet.Core.Tests.Support;
using Xunit;

namespace Hostnet.Core.Tests.Scheduling;

/// <summary>
/// Laws of the engine over random clusters: the plan does not depend on the order of nodes or workloads in the
/// input, and removing a pod never makes a feasible pod infeasible (without affinity or spreading, which can
/// depend on other pods being present).
/// </summary>
public sealed class PlannerPropertyTests
{
    [Fact]
    public void Plan_ShuffledNodesAndWorkloads_GivesTheSamePlan() =>
        Prop.ForAll<int>(seed =>
        {
            var random = new Lcg(seed);
            var (nodes, workloads) = Scenario(random);
            var first = Outcome(Planner.Plan(ClusterSnapshot.Empty with { Nodes = nodes }, workloads, PlanOptions.Default));
            var shuffled = Outcome(Planner.Plan(ClusterSnapshot.Empty with { Nodes = random.Shuffle(nodes) }, random.Shuffle(workloads), PlanOptions.Default));
            return first == shuffled;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void FitsAnywhere_RemovingAPod_NeverMakesAFeasiblePodInfeasible() =>
        Prop.ForAll<int>(seed =>
        {
            var random = new Lcg(seed);
            var (nodes, workloads) = Scenario(random, affinityFree: true);
            var state = new ClusterState(nodes);
            var scheduler = new Scheduler(KubeVersion.Latest);
            var pods = workloads.SelectMany(w => Core.Scheduling.Expansion.WorkloadExpander.Expand(w, "default", state.Nodes)).Select(p => p.Pod).ToList();
            var placed = new List<PodInfo>();
            foreach (var pod in pods.Take(pods.Count - 1))
            {
                if (scheduler.Schedule(pod, state).NodeName is { } node)
                {
                    state.Add(pod, node);
                    placed.Add(pod);
                }
            }

            var incoming = pods[^1];
            if (placed.Count == 0 || !scheduler.FitsAnywhere(incoming, state))
            {
                return true;
            }

            state.Remove(placed[random.Next(placed.Count)]);
            return scheduler.FitsAnywhere(incoming, state);
        }).QuickCheckThrowOnFailure();

    private static string Outcome(PlanResult plan) =>
        string.Join('\n', plan.Pods.Select(p => $"{p.Namespace}/{p.Name} {p.Status} {p.Node} {p.Certain} {p.Message}"));

    /// <summary>1–5 nodes (some in zone b, some tainted) and 1–4 workloads with host ports, requests and anti-affinity.</summary>
    private static (List<Node> Nodes, List<Workload> Workloads) Scenario(Lcg random, bool affinityFree = false)
    {
        var text = new StringBuilder();
        var nodeCount = 1 + random.Next(5);
        for (var i = 1; i <= nodeCount; i++)
        {
            var taint = random.Next(4) == 0 ? "[{key: dedicated, value: gpu, effect: NoSchedule}]" : "[]";
            text.Append(CultureInfo.InvariantCulture, $"---\napiVersion: v1\nkind: Node\nmetadata: {{name: n{i}, labels: {{kubernetes.io/hostname: n{i}, zone: z{random.Next(2)}}}}}\nspec: {{taints: {taint}}}\nstatus: {{allocatable: {{cpu: '2', pods: '4'}}}}\n");
        }

        var workloadCount = 1 + random.Next(4);
        for (var i = 0; i < workloadCount; i++)
        {
            var ports = random.Next(3) switch { 0 => "[]", 1 => "[{containerPort: 80}]", _ => "[{containerPort: 8080, hostPort: 81}]" };
            var antiAffinity = !affinityFree && random.Next(3) == 0
                ? $"affinity: {{podAntiAffinity: {{requiredDuringSchedulingIgnoredDuringExecution: [{{topologyKey: zone, labelSelector: {{matchLabels: {{app: w{i}}}}}}}]}}}}, "
                : string.Empty;
            var toleration = random.Next(2) == 0 ? "tolerations: [{key: dedicated, operator: Exists}], " : string.Empty;
            var kind = random.Next(3) == 0 ? "DaemonSet" : "Deployment";
            text.Append(CultureInfo.InvariantCulture, $"---\napiVersion: apps/v1\nkind: {kind}\nmetadata: {{name: w{i}}}\nspec: {{replicas: {1 + random.Next(4)}, selector: {{matchLabels: {{app: w{i}}}}}, template: {{metadata: {{labels: {{app: w{i}}}}}, spec: {{hostNetwork: {(random.Next(2) == 0 ? "true" : "false")}, {antiAffinity}{toleration}containers: [{{name: c, image: nginx, ports: {ports}, resources: {{requests: {{cpu: {random.Next(3) * 500}m}}}}}}]}}}}}}\n");
        }

        var objects = new ManifestLoader().Load(new SourceFile("random.yaml", text.ToString())).Documents.Select(ObjectReader.Read).ToList();
        return ([.. objects.OfType<Node>()], [.. objects.OfType<Workload>()]);
    }

    /// <summary>A small deterministic generator driven by FsCheck's seed.</summary>
    private sealed class Lcg(int seed)
    {
        private uint _state = (uint)seed;

        public int Next(int bound)
        {
            _state = (_state * 1664525u) + 1013904223u;
            return (int)((_state >> 8) % (uint)bound);
        }

        public List<T> Shuffle<T>(IReadOnlyList<T> items)
        {
            var list = items.ToList();
            for (var i = list.Count - 1; i > 0; i--)
            {
                var j = Next(i + 1);
                (list[i], list[j]) = (list[j], list[i]);
            }

            return list;
        }
    }
}
