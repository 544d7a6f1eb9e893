using Hostnet.Core.Scheduling.Plugins;
using Hostnet.Core.Semantics.Placement;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Scheduling.Plugins;

/// <summary>
/// Port of TestNodeShouldRunDaemonPod, pkg/controller/daemon/daemon_controller_test.go (Kubernetes v1.35): which nodes
/// the DaemonSet controller runs a pod on (NodeShouldRunDaemonPod, predicates: node name, node affinity/selector,
/// taints). hostnet's answer is DefaultProfile.Admits on NodeEligibility.ForDaemonSetPod. The node is upstream's
/// test-node labelled simpleDaemonSetLabel with allocatable 100M memory and 1 CPU. Upstream names rows by predicate,
/// not uniquely, so each carries its index. The controller does not look at the pods on the node (host ports,
/// resources: the scheduler's business), and hostnet's answer takes none; those rows keep their pod spec.
/// In every row upstream's shouldContinueRunning equals shouldRun.
/// </summary>
public sealed class DaemonSetNodeSelectionUpstreamTests
{
    private static string Resources(string nodeName, string memory, string cpu) =>
        $"{(nodeName.Length == 0 ? "" : $"nodeName: {nodeName}, ")}containers: [{{name: c, resources: {{requests: {{memory: {memory}, cpu: \"{cpu}\"}}}}}}]";

    private static string Affinity(string type) =>
        $"affinity: {{nodeAffinity: {{requiredDuringSchedulingIgnoredDuringExecution: {{nodeSelectorTerms: [{{matchExpressions: [{{key: type, operator: In, values: [{type}]}}]}}]}}}}}}, containers: [{{name: c}}]";

    // name, template spec, node unschedulable, shouldRun.
    public static TheoryData<string, string, bool, bool> Cases() => new()
    {
        { "[0] ShouldRunDaemonPod", Resources("", "50M", "0.5"), false, true },
        { "[1] InsufficientResourceError", Resources("", "200M", "0.5"), false, true },
        { "[2] ErrPodNotMatchHostName", Resources("other-node", "50M", "0.5"), false, false },
        { "[3] ErrPodNotFitsHostPorts", "containers: [{name: c, ports: [{containerPort: 666, hostPort: 666}]}]", false, true },
        { "[4] InsufficientResourceError", Resources("", "100M", "0.5"), false, true },
        { "[5] ShouldRunDaemonPod", Resources("", "50M", "0.5"), false, true },
        { "[6] ErrNodeSelectorNotMatch", "nodeSelector: {name: simple-daemon, type: test}, containers: [{name: c}]", false, false },
        { "[7] ShouldRunDaemonPod", "nodeSelector: {name: simple-daemon, type: production}, containers: [{name: c}]", false, true },
        { "[8] ErrPodAffinityNotMatch", Affinity("test"), false, false },
        { "[9] ShouldRunDaemonPod", Affinity("production"), false, true },
        { "[10] ShouldRunDaemonPodOnUnschedulableNode", Resources("", "50M", "0.5"), true, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void NodeShouldRunDaemonPod_UpstreamCases_MatchUpstream(string name, string template, bool unschedulable, bool shouldRun)
    {
        var spec = Manifests.Workload($"{{apiVersion: v1, kind: Pod, metadata: {{name: ds}}, spec: {{{template}}}}}").Spec;
        var node = SchedulingObjects.Node("test-node", "{name: simple-daemon, type: production}", "{memory: 100M, cpu: \"1\"}", unschedulable: unschedulable);

        DefaultProfile.Admits(NodeEligibility.ForDaemonSetPod(spec), node).ShouldBe(shouldRun, name);
    }
}
