using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Ports;
using Hostnet.Core.Scheduling.Planning;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics.Ports;

/// <summary>
/// <c>plan</c> and <c>ports</c> put the node components on the same nodes (NodeComponentPorts.HeldOn). Before they
/// shared it, <c>plan</c> held kube-proxy's 10249 and 10256 on every node while <c>ports</c> held them only where a
/// kube-proxy pod runs; the snapshot shows where it runs (kubeadm installs it as the DaemonSet kube-system/kube-proxy),
/// so a node without one holds nothing of it.
/// </summary>
public sealed class NodeComponentAgreementTests
{
    private const string Snapshot = """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Node
          metadata: {name: proxied, labels: {kubernetes.io/hostname: proxied, kubernetes.io/os: linux, example.com/dataplane: kube-proxy}}
          status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
        - apiVersion: v1
          kind: Node
          metadata: {name: ebpf, labels: {kubernetes.io/hostname: ebpf, kubernetes.io/os: linux, example.com/dataplane: ebpf}}
          status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
        - apiVersion: v1
          kind: Pod
          metadata:
            name: kube-proxy-x7k2p
            namespace: kube-system
            ownerReferences: [{apiVersion: apps/v1, kind: DaemonSet, name: kube-proxy, uid: "1", controller: true}]
          spec:
            nodeName: proxied
            hostNetwork: true
            containers: [{name: kube-proxy, image: "registry.k8s.io/kube-proxy:v1.35.0", command: [/usr/local/bin/kube-proxy, --config=/var/lib/kube-proxy/config.conf]}]
          status: {phase: Running}
        - apiVersion: v1
          kind: Pod
          metadata: {name: coredns-5d78c9869d-abcde, namespace: kube-system}
          spec:
            nodeName: ebpf
            containers: [{name: coredns, image: "registry.k8s.io/coredns/coredns:v1.12.0", ports: [{containerPort: 53, protocol: UDP}]}]
          status: {phase: Running}
        """;

    private const string HealthAgent = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: health-agent, namespace: ops}
        spec:
          selector: {matchLabels: {app: health-agent}}
          template:
            metadata: {labels: {app: health-agent}}
            spec:
              hostNetwork: true
              dnsPolicy: ClusterFirstWithHostNet
              containers:
                - name: agent
                  image: example/health-agent:1
                  ports: [{containerPort: 10256}, {containerPort: 53, protocol: UDP}]
        """;

    [Fact]
    public void Plan_KubeProxyPorts_HeldOnlyWhereAKubeProxyPodRuns()
    {
        var plan = Planner.Plan(Cluster(), Workloads(HealthAgent), PlanOptions.Default);

        var agents = plan.Pods.Where(p => p.Owner == "DaemonSet/health-agent").ToDictionary(p => p.Node!);
        agents["proxied"].Status.ShouldBe("CrashLoopBackOff");
        agents["proxied"].Message.ShouldBe(
            "container agent cannot listen on port 10256 of node proxied (containerPort 10256): kube-proxy's health check (on every node that runs kube-proxy) already holds it, "
            + "so the process exits with \"bind: address already in use\" and the kubelet restarts it with growing back-off");
        agents["proxied"].Certain.ShouldBeTrue();
        agents["ebpf"].Status.ShouldBe("Running");
    }

    [Fact]
    public void Ports_KubeProxyPorts_HeldOnlyWhereAKubeProxyPodRuns()
    {
        var map = PortMapBuilder.Build(Cluster(), []);

        Components(map, "proxied").ShouldBe([10249, 10256]);
        Components(map, "ebpf").ShouldBeEmpty();
    }

    [Fact]
    public void PlanAndPorts_PodNetworkDns_HoldsNoHostPort()
    {
        var plan = Planner.Plan(Cluster(), Workloads(HealthAgent.Replace("containerPort: 10256}, ", string.Empty, StringComparison.Ordinal)), PlanOptions.Default);

        plan.Pods.Where(p => p.Owner == "DaemonSet/health-agent").ShouldAllBe(p => p.Status == "Running");
        PortMapBuilder.Build(Cluster(), []).Nodes.ShouldAllBe(n => n.Ports.All(u => u.Port != 53 || u.Source != PortSource.NodeComponent));
    }

    private static ClusterSnapshot Cluster()
    {
        var read = SnapshotText.Read(Snapshot, "cluster.yaml");
        read.Errors.ShouldBeEmpty();
        return read.Snapshot;
    }

    private static IReadOnlyList<Workload> Workloads(string text) =>
        [.. new ManifestLoader().Load(new SourceFile("agent.yaml", text)).Documents.Select(ObjectReader.Read).OfType<Workload>()];

    private static int[] Components(PortMap map, string node) =>
        [.. map.Nodes.Single(n => n.Node == node).Ports.Where(u => u.Source == PortSource.NodeComponent).Select(u => u.Port)];
}
