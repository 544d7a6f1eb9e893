using Hostnet.Core.Scheduling;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Scheduling;

/// <summary>
/// In the shape of TestGeneralPredicates (pkg/kubelet/lifecycle/predicate_test.go, v1.35): a node, the host ports its
/// pods already hold, the pod bound to it, and the kubelet's reason and message (null when it admits the pod).
/// </summary>
public sealed class KubeletAdmissionTests
{
    private const string Node1 = "{kubernetes.io/hostname: node-1}";

    public static TheoryData<string, string, string, string, string[], string, string?, string?> Cases() => new()
    {
        {
            "no resources/port/host requested always fits", Node1, "{}", "[]", [],
            "{nodeName: node-1, containers: [{name: c}]}", null, null
        },
        {
            "hostport conflict", Node1, "{}", "[]", ["TCP//9100"],
            "{nodeName: node-1, hostNetwork: true, containers: [{name: c, ports: [{containerPort: 9100}]}]}",
            "NodePorts", "Pod was rejected: Predicate NodePorts failed: node(s) didn't have free ports for the requested pod ports"
        },
        {
            "not enough cpu resource", Node1, "{cpu: '2'}", "[]", [],
            "{nodeName: node-1, containers: [{name: c, resources: {requests: {cpu: '3'}}}]}",
            "OutOfcpu", "Pod was rejected: Node didn't have enough resource: cpu, requested: 3000, used: 0, capacity: 2000"
        },
        {
            "too many pods, reported before the port conflict", Node1, "{pods: '1'}", "[]", ["TCP//9100"],
            "{nodeName: node-1, hostNetwork: true, containers: [{name: c, ports: [{containerPort: 9100}]}]}",
            "OutOfpods", "Pod was rejected: Node didn't have enough resource: pods, requested: 1, used: 1, capacity: 1"
        },
        {
            "host not match", Node1, "{}", "[]", [],
            "{nodeName: node-2, containers: [{name: c}]}",
            "NodeName", "Pod was rejected: Predicate NodeName failed: node(s) didn't match the requested node name"
        },
        {
            "node selector not match", Node1, "{}", "[]", [],
            "{nodeName: node-1, nodeSelector: {pool: gpu}, containers: [{name: c}]}",
            "NodeAffinity", "Pod was rejected: Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector"
        },
        {
            "untolerated NoExecute taint", Node1, "{}", "[{key: gpu, value: 'yes', effect: NoExecute}]", [],
            "{nodeName: node-1, containers: [{name: c}]}",
            "TaintToleration", "Pod was rejected: Predicate TaintToleration failed: node(s) had taints that the pod didn't tolerate"
        },
        {
            "NoSchedule taint is the scheduler's, not the kubelet's", Node1, "{}", "[{key: gpu, value: 'yes', effect: NoSchedule}]", [],
            "{nodeName: node-1, containers: [{name: c}]}", null, null
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Admit_Cases_MatchTheKubelet(string name, string labels, string allocatable, string taints, string[] usedPorts, string podSpec, string? reason, string? message)
    {
        var state = SchedulingObjects.State(SchedulingObjects.Node("node-1", labels, allocatable, taints));
        if (usedPorts.Length > 0)
        {
            state.Add(SchedulingObjects.WithHostPorts(usedPorts), "node-1");
        }

        var result = KubeletAdmission.Admit(SchedulingObjects.Pod($"{{apiVersion: v1, kind: Pod, metadata: {{name: p}}, spec: {podSpec}}}"), state.Nodes[0]);

        result.Reason.ShouldBe(reason, name);
        result.Message.ShouldBe(message, name);
        result.IsAdmitted.ShouldBe(reason is null, name);
    }
}
