using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Scheduling.Plugins;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Scheduling.Plugins;

/// <summary>
/// Ports of the Filter tables of the node-only plugins, Kubernetes v1.35:
/// pkg/scheduler/framework/plugins/tainttoleration/taint_toleration_test.go (TestTaintTolerationFilter,
/// TestTaintTolerationFilterWithFeatureGate), pkg/scheduler/framework/plugins/nodename/node_name_test.go (TestNodeName),
/// pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable_test.go (TestNodeUnschedulable).
/// Each row carries the upstream case name; an empty reason means the node fits.
/// </summary>
public sealed class NodeOnlyFilterUpstreamTests
{
    private static readonly KubeVersion V135 = new(1, 35);

    private const string Untolerated = "node(s) had untolerated taint(s)";

    // Rows of TestTaintTolerationFilter and TestTaintTolerationFilterWithFeatureGate that hold with the
    // TaintTolerationComparisonOperators gate off, its default in v1.35 (Gt/Lt tolerate nothing): tolerations, taints.
    public static TheoryData<string, string, string, string> TaintTolerationCases() => new()
    {
        { "A pod having no tolerations can't be scheduled onto a node with nonempty taints", "[]", "[{key: dedicated, value: user1, effect: NoSchedule}]", Untolerated },
        { "A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule", "[{key: dedicated, value: user1, effect: NoSchedule}]", "[{key: dedicated, value: user1, effect: NoSchedule}]", "" },
        { "A pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule", "[{key: dedicated, operator: Equal, value: user2, effect: NoSchedule}]", "[{key: dedicated, value: user1, effect: NoSchedule}]", Untolerated },
        { "A pod can be scheduled onto the node, with a toleration uses operator Exists that tolerates the taints on the node", "[{key: foo, operator: Exists, effect: NoSchedule}]", "[{key: foo, value: bar, effect: NoSchedule}]", "" },
        { "A pod has multiple tolerations, node has multiple taints, all the taints are tolerated, pod can be scheduled onto the node", "[{key: dedicated, operator: Equal, value: user2, effect: NoSchedule}, {key: foo, operator: Exists, effect: NoSchedule}]", "[{key: dedicated, value: user2, effect: NoSchedule}, {key: foo, value: bar, effect: NoSchedule}]", "" },
        { "A pod has a toleration that keys and values match the taint on the node, but (non-empty) effect doesn't match, can't be scheduled onto the node", "[{key: foo, operator: Equal, value: bar, effect: PreferNoSchedule}]", "[{key: foo, value: bar, effect: NoSchedule}]", Untolerated },
        { "The pod has a toleration that keys and values match the taint on the node, the effect of toleration is empty, and the effect of taint is NoSchedule. Pod can be scheduled onto the node", "[{key: foo, operator: Equal, value: bar}]", "[{key: foo, value: bar, effect: NoSchedule}]", "" },
        { "The pod has a toleration that key and value don't match the taint on the node, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node", "[{key: dedicated, operator: Equal, value: user2, effect: NoSchedule}]", "[{key: dedicated, value: user1, effect: PreferNoSchedule}]", "" },
        { "The pod has no toleration, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node", "[]", "[{key: dedicated, value: user1, effect: PreferNoSchedule}]", "" },

        // TestTaintTolerationFilterWithFeatureGate, enableTaintTolerationComparisonOps: false.
        { "Pod with Gt toleration cannot be scheduled when feature gate is disabled", "[{key: node.kubernetes.io/sla, operator: Gt, value: \"750\", effect: NoSchedule}]", "[{key: node.kubernetes.io/sla, value: \"950\", effect: NoSchedule}]", Untolerated },
        { "Pod with Lt toleration cannot be scheduled when feature gate is disabled", "[{key: node.kubernetes.io/sla, operator: Lt, value: \"950\", effect: NoSchedule}]", "[{key: node.kubernetes.io/sla, value: \"800\", effect: NoSchedule}]", Untolerated },
        { "Pod with mixed tolerations (Equal and Gt) when feature gate is disabled - only Equal is honored", "[{key: dedicated, operator: Equal, value: user1, effect: NoSchedule}, {key: node.kubernetes.io/sla, operator: Gt, value: \"750\", effect: NoSchedule}]", "[{key: dedicated, value: user1, effect: NoSchedule}]", "" },
        { "Pod with mixed tolerations, Gt toleration needed but filtered out when feature gate is disabled", "[{key: dedicated, operator: Equal, value: user1, effect: NoSchedule}, {key: node.kubernetes.io/sla, operator: Gt, value: \"750\", effect: NoSchedule}]", "[{key: dedicated, value: user1, effect: NoSchedule}, {key: node.kubernetes.io/sla, value: \"950\", effect: NoSchedule}]", Untolerated },
    };

    [Theory]
    [MemberData(nameof(TaintTolerationCases))]
    public void TaintToleration_UpstreamFilterCases_MatchUpstream(string name, string tolerations, string taints, string reason)
    {
        var pod = SchedulingObjects.Pod($"{{apiVersion: v1, kind: Pod, metadata: {{name: pod1}}, spec: {{tolerations: {tolerations}, containers: [{{name: c}}]}}}}");

        var status = new TaintTolerationPlugin(V135).Filter(pod.Spec.Eligibility, SchedulingObjects.Node("nodeA", taints: taints));

        ShouldBeUnresolvableOrFit(status, reason, name);
    }

    // TestNodeName: the pod's nodeName, the node's name. Upstream's first node has no name; any name serves.
    public static TheoryData<string, string, string, string> NodeNameCases() => new()
    {
        { "no host specified", "", "foo", "" },
        { "host matches", "foo", "foo", "" },
        { "host doesn't match", "bar", "foo", "node(s) didn't match the requested node name" },
    };

    [Theory]
    [MemberData(nameof(NodeNameCases))]
    public void NodeName_UpstreamCases_MatchUpstream(string name, string podNodeName, string nodeName, string reason)
    {
        var nodeNameField = podNodeName.Length == 0 ? string.Empty : $"nodeName: {podNodeName}, ";
        var pod = SchedulingObjects.Pod($"{{apiVersion: v1, kind: Pod, metadata: {{name: p}}, spec: {{{nodeNameField}containers: [{{name: c}}]}}}}");

        var status = new NodeNamePlugin().Filter(pod.Spec.Eligibility, SchedulingObjects.Node(nodeName));

        ShouldBeUnresolvableOrFit(status, reason, name);
    }

    // TestNodeUnschedulable: the pod's tolerations, the node's spec.unschedulable.
    public static TheoryData<string, string, bool, string> NodeUnschedulableCases() => new()
    {
        { "Does not schedule pod to unschedulable node (node.Spec.Unschedulable==true)", "[]", true, "node(s) were unschedulable" },
        { "Schedule pod to normal node", "[]", false, "" },
        { "Schedule pod with toleration to unschedulable node (node.Spec.Unschedulable==true)", "[{key: node.kubernetes.io/unschedulable, effect: NoSchedule}]", true, "" },
    };

    [Theory]
    [MemberData(nameof(NodeUnschedulableCases))]
    public void NodeUnschedulable_UpstreamCases_MatchUpstream(string name, string tolerations, bool unschedulable, string reason)
    {
        var pod = SchedulingObjects.Pod($"{{apiVersion: v1, kind: Pod, metadata: {{name: p}}, spec: {{tolerations: {tolerations}, containers: [{{name: c}}]}}}}");

        var status = new NodeUnschedulablePlugin().Filter(pod.Spec.Eligibility, SchedulingObjects.Node("n", unschedulable: unschedulable));

        ShouldBeUnresolvableOrFit(status, reason, name);
    }

    /// <summary>Upstream's wantStatus: nil (fits), or UnschedulableAndUnresolvable with exactly this reason.</summary>
    internal static void ShouldBeUnresolvableOrFit(FilterStatus status, string reason, string name)
    {
        if (reason.Length == 0)
        {
            status.IsSuccess.ShouldBeTrue(name);
            return;
        }

        status.Code.ShouldBe(StatusCode.UnschedulableAndUnresolvable, name);
        status.Reasons.ShouldBe([reason], name);
    }
}
