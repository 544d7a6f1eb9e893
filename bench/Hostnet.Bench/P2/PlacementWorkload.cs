using System.Globalization;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Cache;
using Hostnet.Core.Scheduling.Expansion;
using Hostnet.Core.Scheduling.Framework;
using KubeWorkload = Hostnet.Core.Model.Workload;

namespace Hostnet.Bench.P2;

/// <summary>
/// P2's placement workload, built straight into a <see cref="ClusterState"/> (only the few templates go through the
/// YAML loader): <c>5,000 / divisor</c> nodes in four pools (general; infra, gpu and edge tainted; 1 % cordoned) over
/// ten zones, 30 running pods a node from one Deployment per node (a third on the host network with a port of their
/// own, 2 % with hostname anti-affinity) plus a node-exporter on every node holding 9100, then the queue: new
/// Deployments of 50 replicas (host ports, node selectors and tolerations for their pool; every 25th reuses 9100 by
/// mistake, so its pods stay Pending), and a DaemonSet on every node. The anti-affinity variant queues Deployments of
/// 100 replicas with required anti-affinity on <c>kubernetes.io/hostname</c> against their own pods instead.
/// </summary>
internal sealed class PlacementWorkload
{
    public const int FullNodes = 5_000;
    public const int RunningPerNode = 30;
    public const int FullNewPods = 10_000;
    private const int ReplicasPerNewWorkload = 50;
    private const int ReplicasPerAntiAffinityWorkload = 100;
    private static readonly string[] Pools = ["general", "infra", "gpu", "edge"];

    private PlacementWorkload(ClusterState state, IReadOnlyList<PodInfo> queue, int daemonSetPods, int running)
    {
        State = state;
        Queue = queue;
        DaemonSetPods = daemonSetPods;
        RunningPods = running;
    }

    public ClusterState State { get; }

    /// <summary>The pods to place, in the planner's order (priority, then namespace and name); the DaemonSet's pods last.</summary>
    public IReadOnlyList<PodInfo> Queue { get; }

    public int DaemonSetPods { get; }

    public int RunningPods { get; }

    public static PlacementWorkload Build(int divisor, bool antiAffinity)
    {
        var nodeCount = FullNodes / divisor;
        var state = new ClusterState(Enumerable.Range(0, nodeCount).Select(Node));
        var running = BindRunning(state);
        var queue = new List<PodInfo>();
        var workloads = FullNewPods / divisor / (antiAffinity ? ReplicasPerAntiAffinityWorkload : ReplicasPerNewWorkload);
        for (var w = 0; w < Math.Max(1, workloads); w++)
        {
            var deployment = antiAffinity ? AntiAffinityDeployment(w) : NewDeployment(w);
            queue.AddRange(WorkloadExpander.Expand(deployment, "apps-" + (w % 20).ToString(CultureInfo.InvariantCulture), state.Nodes).Select(p => p.Pod));
        }

        queue.Sort((a, b) => b.Priority != a.Priority ? b.Priority.CompareTo(a.Priority)
            : string.CompareOrdinal(a.Namespace, b.Namespace) is var ns and not 0 ? ns
            : string.CompareOrdinal(a.Name, b.Name));
        var daemonSet = antiAffinity ? [] : WorkloadExpander.Expand(DaemonSet(), "monitoring", state.Nodes).Select(p => p.Pod).ToList();
        queue.AddRange(daemonSet);
        return new PlacementWorkload(state, queue, daemonSet.Count, running);
    }

    private static Node Node(int index)
    {
        var name = "node-" + index.ToString("D5", CultureInfo.InvariantCulture);
        var pool = index % 100 == 7 ? "general" : Pools[(index % 10) switch { < 7 => 0, 7 => 1, 8 => 2, _ => 3 }];
        var taint = pool switch
        {
            "infra" => "[{key: dedicated, value: infra, effect: NoSchedule}]",
            "gpu" => "[{key: nvidia.com/gpu, value: present, effect: NoSchedule}]",
            "edge" => "[{key: edge, value: 'true', effect: NoExecute}]",
            _ => "[]",
        };
        var template = NodeTemplate(pool, taint, cordoned: index % 100 == 42);
        var labels = new Dictionary<string, string>(template.Metadata.Labels, StringComparer.Ordinal)
        {
            ["kubernetes.io/hostname"] = name,
            ["topology.kubernetes.io/zone"] = "zone-" + (index % 10).ToString(CultureInfo.InvariantCulture),
        };
        return template with { Metadata = template.Metadata with { Name = name, Labels = labels } };
    }

    private static readonly Dictionary<(string, bool), Node> NodeTemplates = [];

    private static Node NodeTemplate(string pool, string taints, bool cordoned)
    {
        if (!NodeTemplates.TryGetValue((pool, cordoned), out var node))
        {
            NodeTemplates[(pool, cordoned)] = node = One<Node>($$"""
                apiVersion: v1
                kind: Node
                metadata:
                  name: template
                  labels: {kubernetes.io/os: linux, kubernetes.io/arch: amd64, node.kubernetes.io/pool: {{pool}} }
                spec: {unschedulable: {{(cordoned ? "true" : "false")}}, taints: {{taints}}}
                status:
                  allocatable: {cpu: '64', memory: 256Gi, pods: '110', ephemeral-storage: 500Gi}
                """);
        }

        return node;
    }

    /// <summary>One Deployment per node, 30 replicas spread one per node stride apart, plus a node-exporter on every node.</summary>
    private static int BindRunning(ClusterState state)
    {
        var nodes = state.Nodes;
        var stride = Math.Max(1, nodes.Count / RunningPerNode);
        var template = One<KubeWorkload>(DeploymentYaml("running", "{app: running}", "false", "[]", "{}", "[]", "100m", "256Mi", 1));
        var count = 0;
        for (var w = 0; w < nodes.Count; w++)
        {
            var hostPort = w % 3 == 0 ? 20_000 + w : 0;
            var spec = template.Spec with
            {
                HostNetwork = hostPort > 0,
                Containers = [.. template.Spec.Containers.Select(c => c with { Ports = hostPort > 0 ? [new ContainerPort(c.Path + ".ports[0]", "http", hostPort, hostPort, string.Empty, string.Empty)] : [] })],
                RequiredPodAntiAffinity = w % 50 == 1
                    ? [new PodAffinityTerm(new LabelSelector(new Dictionary<string, string> { ["app"] = App(w) }, []), "kubernetes.io/hostname", [])]
                    : [],
            };
            var schedulingSpec = SchedulingSpec.ForPod(spec);
            var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = App(w), ["pod-template-hash"] = "5d8f7c6b9" };
            var @namespace = "team-" + (w % 50).ToString(CultureInfo.InvariantCulture);
            for (var j = 0; j < RunningPerNode && j < nodes.Count; j++)
            {
                var name = App(w) + "-5d8f7c6b9-" + j.ToString(CultureInfo.InvariantCulture);
                state.Add(new PodInfo(@namespace, name, labels, schedulingSpec, "Deployment/" + App(w)), nodes[(w + (j * stride)) % nodes.Count].Name);
                count++;
            }
        }

        var exporter = One<KubeWorkload>(DaemonSetYaml("node-exporter", 9100));
        foreach (var pod in WorkloadExpander.Expand(exporter, "monitoring", nodes))
        {
            state.Add(pod.Pod, pod.Pod.Spec.Spec.RequiredNodeAffinity[0].MatchFields[0].Values[0]);
            count++;
        }

        return count;
    }

    private static string App(int w) => "svc-" + w.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>Six in ten to the general pool, three to infra, one to gpu; host network with a port of its own, or 9100 by mistake.</summary>
    private static KubeWorkload NewDeployment(int w)
    {
        var (selector, tolerations) = (w % 10) switch
        {
            < 6 => ("{node.kubernetes.io/pool: general}", "[]"),
            < 9 => ("{node.kubernetes.io/pool: infra}", "[{key: dedicated, operator: Equal, value: infra, effect: NoSchedule}]"),
            _ => ("{node.kubernetes.io/pool: gpu}", "[{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]"),
        };
        var port = w % 25 == 3 ? 9100 : 30_000 + w;
        var name = "new-" + w.ToString("D4", CultureInfo.InvariantCulture);
        return One<KubeWorkload>(DeploymentYaml(name, $"{{app: {name}}}", "true", $"[{{name: http, containerPort: {port}, hostPort: {port}}}]", selector, tolerations, "250m", "512Mi", ReplicasPerNewWorkload));
    }

    private static KubeWorkload AntiAffinityDeployment(int w)
    {
        var name = "spread-" + w.ToString("D4", CultureInfo.InvariantCulture);
        var yaml = DeploymentYaml(name, $"{{app: {name}}}", "false", "[]", "{node.kubernetes.io/pool: general}", "[]", "250m", "512Mi", ReplicasPerAntiAffinityWorkload)
            + $"\n      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n          - topologyKey: kubernetes.io/hostname\n            labelSelector: {{matchLabels: {{app: {name}}}}}\n";
        return One<KubeWorkload>(yaml);
    }

    private static KubeWorkload DaemonSet() => One<KubeWorkload>(DaemonSetYaml("log-agent", 9256));

    private static string DeploymentYaml(string name, string labels, string hostNetwork, string ports, string nodeSelector, string tolerations, string cpu, string memory, int replicas) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: {{name}}}
        spec:
          replicas: {{replicas}}
          selector: {matchLabels: {{labels}}}
          template:
            metadata: {labels: {{labels}}}
            spec:
              hostNetwork: {{hostNetwork}}
              nodeSelector: {{nodeSelector}}
              tolerations: {{tolerations}}
              containers:
              - name: app
                image: registry.example/{{name}}:1.0
                ports: {{ports}}
                resources: {requests: {cpu: {{cpu}}, memory: {{memory}} } }
        """;

    private static string DaemonSetYaml(string name, int port) => $$"""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: {{name}}}
        spec:
          selector: {matchLabels: {app: {{name}} } }
          template:
            metadata: {labels: {app: {{name}} } }
            spec:
              hostNetwork: true
              tolerations: [{operator: Exists}]
              containers:
              - name: agent
                image: registry.example/{{name}}:1.0
                ports: [{name: metrics, containerPort: {{port}}, hostPort: {{port}} }]
                resources: {requests: {cpu: 50m, memory: 64Mi} }
        """;

    private static T One<T>(string yaml)
        where T : KubeObject =>
        (T)ObjectReader.Read(new ManifestLoader().Load(new SourceFile("p2-template.yaml", yaml)).Documents.Single())!;
}
