using Hostnet.Core.Scheduling;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Scheduling;

public sealed class KubeletAdmissionTests
{
    [Fact]
    public void Admit_PortHeld_IsRejectedWithTheNodePortsPredicate()
    {
        var state = SchedulingObjects.State(SchedulingObjects.Nodes(1));
        state.Add(SchedulingObjects.WithHostPorts("TCP//9100"), "node-1");
        var pod = SchedulingObjects.Pod("{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {nodeName: node-1, hostNetwork: true, containers: [{name: c, ports: [{containerPort: 9100}]}]}}");

        var result = KubeletAdmission.Admit(pod, state.Nodes[0]);

        result.Reason.ShouldBe("NodePorts");
        result.Message.ShouldBe("Pod was rejected: Predicate NodePorts failed: node(s) didn't have free ports for the requested pod ports");
    }

    [Fact]
    public void Admit_NotEnoughCpu_IsOutOfcpu()
    {
        var state = SchedulingObjects.State(SchedulingObjects.Node("n1", allocatable: "{cpu: '2'}"));
        var pod = SchedulingObjects.Pod("{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {nodeName: n1, containers: [{name: c, resources: {requests: {cpu: '3'}}}]}}");

        var result = KubeletAdmission.Admit(pod, state.Nodes[0]);

        result.Reason.ShouldBe("OutOfcpu");
        result.Message.ShouldBe("Pod was rejected: Node didn't have enough resource: cpu, requested: 3000, used: 0, capacity: 2000");
    }

    [Fact]
    public void Admit_NoConflict_Admits() =>
        KubeletAdmission.Admit(
            SchedulingObjects.Pod("{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {nodeName: node-1, containers: [{name: c}]}}"),
            SchedulingObjects.State(SchedulingObjects.Nodes(1)).Nodes[0]).IsAdmitted.ShouldBeTrue();
}
