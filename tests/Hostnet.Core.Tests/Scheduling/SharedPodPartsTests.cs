using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Scheduling;

/// <summary>
/// The scheduler's view of a snapshot's pods works out host ports, requests and owner names once per shared container
/// list or controller (<see cref="SharedPodParts"/>), and each pod still gets what it alone would give: a pod on the
/// host network defaults its host ports from its container ports even where another pod has the same containers.
/// </summary>
public sealed class SharedPodPartsTests
{
    private const string Snapshot = """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Node
          metadata: {name: node-1}
          status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
        - apiVersion: v1
          kind: Pod
          metadata:
            name: web-1
            namespace: shop
            ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d8f7c6b9, uid: r1, controller: true}]
          spec:
            nodeName: node-1
            containers: [{name: web, image: example.com/web:1, ports: [{containerPort: 9100}], resources: {requests: {cpu: 250m, memory: 64Mi}}}]
          status: {phase: Running}
        - apiVersion: v1
          kind: Pod
          metadata:
            name: web-2
            namespace: shop
            ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d8f7c6b9, uid: r1, controller: true}]
          spec:
            nodeName: node-1
            containers: [{name: web, image: example.com/web:1, ports: [{containerPort: 9100}], resources: {requests: {cpu: 250m, memory: 64Mi}}}]
          status: {phase: Running}
        - apiVersion: v1
          kind: Pod
          metadata: {name: exporter, namespace: shop}
          spec:
            nodeName: node-1
            hostNetwork: true
            containers: [{name: web, image: example.com/web:1, ports: [{containerPort: 9100}], resources: {requests: {cpu: 250m, memory: 64Mi}}}]
          status: {phase: Running}
        - apiVersion: v1
          kind: Pod
          metadata:
            name: agent-1
            namespace: shop
            ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: agent-7c9, uid: r2, controller: true}]
          spec:
            nodeName: node-1
            containers: [{name: agent, image: example.com/agent:1, ports: [{containerPort: 9300, hostPort: 9300}]}]
          status: {phase: Running}
        - apiVersion: v1
          kind: Pod
          metadata:
            name: agent-2
            namespace: shop
            ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: agent-7c9, uid: r2, controller: true}]
          spec:
            nodeName: node-1
            containers: [{name: agent, image: example.com/agent:1, ports: [{containerPort: 9300, hostPort: 9300}]}]
          status: {phase: Running}
        """;

    private static ClusterSimulation Simulation()
    {
        var read = SnapshotText.Read(Snapshot, "cluster.yaml");
        read.Errors.ShouldBeEmpty();
        return new ClusterSimulation(read.Snapshot.Nodes, read.Snapshot.Pods, KubeVersion.Latest, "default");
    }

    [Fact]
    public void Pods_of_one_template_share_their_ports_requests_and_owner_name()
    {
        var running = Simulation().Running.Select(r => r.Info).ToArray();
        var (first, second) = (running[0], running[1]);

        first.Spec.Ports.ShouldBeEmpty();
        first.Spec.Requests.MilliCpu.ShouldBe(250);
        first.Spec.Requests.Memory.ShouldBe(64L * 1024 * 1024);
        second.Spec.Requests.ShouldBe(first.Spec.Requests);
        ReferenceEquals(second.Spec.Ports, first.Spec.Ports).ShouldBeTrue();
        first.Owner.ShouldBe("ReplicaSet/web-5d8f7c6b9");
        ReferenceEquals(second.Owner, first.Owner).ShouldBeTrue();
        ReferenceEquals(second.Spec.Spec, first.Spec.Spec).ShouldBeFalse("each pod keeps its own spec");
    }

    [Fact]
    public void Pods_of_one_template_share_the_list_of_their_host_ports()
    {
        var running = Simulation().Running.Select(r => r.Info).ToArray();
        var (first, second) = (running[3], running[4]);

        first.Spec.Ports.Select(p => p.Port).ShouldBe([9300]);
        ReferenceEquals(second.Spec.Ports, first.Spec.Ports).ShouldBeTrue("worked out once for the shared containers");
        second.Owner.ShouldBe("ReplicaSet/agent-7c9");
    }

    [Fact]
    public void A_host_network_pod_with_the_same_containers_gets_its_defaulted_host_port()
    {
        var simulation = Simulation();
        var exporter = simulation.Running[2].Info;

        exporter.Spec.Ports.Select(p => p.Port).ShouldBe([9100]);
        exporter.Owner.ShouldBe("Pod/exporter");
        simulation.State.IsClaimed(9100).ShouldBeTrue();
        simulation.State.Nodes[0].Requested.MilliCpu.ShouldBe(750);
    }
}
