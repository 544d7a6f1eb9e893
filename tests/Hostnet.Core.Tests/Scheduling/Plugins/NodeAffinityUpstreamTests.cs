using Hostnet.Core.Scheduling.Plugins;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Scheduling.Plugins;

/// <summary>
/// Port of the Filter cases of TestNodeAffinity, pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go
/// (Kubernetes v1.35). Each row: upstream case name, node name and labels, the pod's nodeSelector/affinity, the Filter
/// reason (empty when the node fits), and PreFilterResult.NodeNames (empty when upstream expects none).
/// </summary>
public sealed class NodeAffinityUpstreamTests
{
    private const string Mismatch = "node(s) didn't match Pod's node affinity/selector";

    private static string Required(string terms) =>
        $"affinity: {{nodeAffinity: {{requiredDuringSchedulingIgnoredDuringExecution: {{nodeSelectorTerms: {terms}}}}}}}";

    private static string Expr(string key, string op, string values = "") =>
        values.Length == 0 ? $"{{key: {key}, operator: {op}}}" : $"{{key: {key}, operator: {op}, values: {values}}}";

    private static string Name(string node) => Expr("metadata.name", "In", $"[{node}]");

    public static TheoryData<string, string, string, string, string, string> Cases() => new()
    {
        { "missing labels", "n", "{}", "nodeSelector: {foo: bar}", Mismatch, "" },
        { "same labels", "n", "{foo: bar}", "nodeSelector: {foo: bar}", "", "" },
        { "node labels are superset", "n", "{foo: bar, baz: blah}", "nodeSelector: {foo: bar}", "", "" },
        { "node labels are subset", "n", "{foo: bar}", "nodeSelector: {foo: bar, baz: blah}", Mismatch, "" },
        { "Pod with matchExpressions using In operator that matches the existing node", "n", "{foo: bar}", Required($"[{{matchExpressions: [{Expr("foo", "In", "[bar, value2]")}]}}]"), "", "" },
        { "Pod with matchExpressions using Gt operator that matches the existing node", "n", "{kernel-version: \"0206\"}", Required($"[{{matchExpressions: [{Expr("kernel-version", "Gt", "[\"0204\"]")}]}}]"), "", "" },
        { "Pod with matchExpressions using NotIn operator that matches the existing node", "n", "{mem-type: DDR3}", Required($"[{{matchExpressions: [{Expr("mem-type", "NotIn", "[DDR, DDR2]")}]}}]"), "", "" },
        { "Pod with matchExpressions using Exists operator that matches the existing node", "n", "{GPU: NVIDIA-GRID-K1}", Required($"[{{matchExpressions: [{Expr("GPU", "Exists")}]}}]"), "", "" },
        { "Pod with affinity that don't match node's labels won't schedule onto the node", "n", "{foo: bar}", Required($"[{{matchExpressions: [{Expr("foo", "In", "[value1, value2]")}]}}]"), Mismatch, "" },
        { "Pod with empty MatchExpressions is not a valid value will match no objects and won't schedule onto the node", "n", "{foo: bar}", Required("[{matchExpressions: []}]"), Mismatch, "" },
        { "Pod with no Affinity will schedule onto a node", "n", "{foo: bar}", "", "", "" },
        { "Pod with Affinity but nil NodeSelector will schedule onto a node", "n", "{foo: bar}", "affinity: {nodeAffinity: {}}", "", "" },
        { "Pod with multiple matchExpressions ANDed that matches the existing node", "n", "{GPU: NVIDIA-GRID-K1}", Required($"[{{matchExpressions: [{Expr("GPU", "Exists")}, {Expr("GPU", "NotIn", "[AMD, INTER]")}]}}]"), "", "" },
        { "Pod with multiple matchExpressions ANDed that doesn't match the existing node", "n", "{GPU: NVIDIA-GRID-K1}", Required($"[{{matchExpressions: [{Expr("GPU", "Exists")}, {Expr("GPU", "In", "[AMD, INTER]")}]}}]"), Mismatch, "" },
        { "Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node", "n", "{foo: bar}", Required($"[{{matchExpressions: [{Expr("foo", "In", "[bar, value2]")}]}}, {{matchExpressions: [{Expr("diffkey", "In", "[wrong, value2]")}]}}]"), "", "" },
        { "Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied, will schedule onto the node", "n", "{foo: bar}", "nodeSelector: {foo: bar}, " + Required($"[{{matchExpressions: [{Expr("foo", "Exists")}]}}]"), "", "" },
        { "Pod with an Affinity matches node's labels but the PodSpec.NodeSelector(the old thing that we are deprecating) is not satisfied, won't schedule onto the node", "n", "{foo: barrrrrr}", "nodeSelector: {foo: bar}, " + Required($"[{{matchExpressions: [{Expr("foo", "Exists")}]}}]"), Mismatch, "" },
        { "Pod with an invalid value in Affinity term won't be scheduled onto the node", "n", "{foo: bar}", Required($"[{{matchExpressions: [{Expr("foo", "NotIn", "[\"invalid value: ___@#$%^\"]")}]}}]"), Mismatch, "" },
        { "Pod with matchFields using In operator that matches the existing node", "node1", "{}", Required($"[{{matchFields: [{Name("node1")}]}}]"), "", "node1" },
        { "Pod with matchFields using In operator that does not match the existing node", "node2", "{}", Required($"[{{matchFields: [{Name("node1")}]}}]"), Mismatch, "node1" },
        { "Pod with two terms: matchFields does not match, but matchExpressions matches", "node2", "{foo: bar}", Required($"[{{matchFields: [{Name("node1")}, {Name("node2")}]}}, {{matchExpressions: [{Expr("foo", "In", "[bar]")}]}}]"), "", "" },
        { "Pod with one term: matchFields does not match, but matchExpressions matches", "node2", "{foo: bar}", Required($"[{{matchFields: [{Name("node1")}], matchExpressions: [{Expr("foo", "In", "[bar]")}]}}]"), Mismatch, "node1" },
        { "Pod with one term: both matchFields and matchExpressions match", "node1", "{foo: bar}", Required($"[{{matchFields: [{Name("node1")}], matchExpressions: [{Expr("foo", "In", "[bar]")}]}}]"), "", "node1" },
        { "Pod with two terms: both matchFields and matchExpressions do not match", "node2", "{foo: bar}", Required($"[{{matchFields: [{Name("node1")}]}}, {{matchExpressions: [{Expr("foo", "In", "[not-match-to-bar]")}]}}]"), Mismatch, "" },
        { "Pod with two terms of node.Name affinity", "node2", "{}", Required($"[{{matchFields: [{Name("node1")}]}}, {{matchFields: [{Name("node2")}]}}]"), "", "node1,node2" },
        { "Pod with two conflicting mach field requirements", "node2", "{foo: bar}", Required($"[{{matchFields: [{Name("node1")}, {Name("node2")}]}}]"), Mismatch, "" },
        { "Matches node selector correctly even if PreFilter is not called", "n", "{foo: bar, baz: blah}", "nodeSelector: {foo: bar}", "", "" },
        { "Matches node affinity correctly even if PreFilter is not called", "n", "{GPU: NVIDIA-GRID-K1}", Required($"[{{matchExpressions: [{Expr("GPU", "Exists")}, {Expr("GPU", "NotIn", "[AMD, INTER]")}]}}]"), "", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Filter_UpstreamCases_MatchUpstream(string name, string nodeName, string labels, string placement, string reason, string preFilterNodes)
    {
        var pod = SchedulingObjects.Pod($"{{apiVersion: v1, kind: Pod, metadata: {{name: p}}, spec: {{{placement}{(placement.Length == 0 ? "" : ", ")}containers: [{{name: c}}]}}}}");

        var status = new NodeAffinityPlugin().Filter(pod.Spec.Eligibility, SchedulingObjects.Node(nodeName, labels));

        NodeOnlyFilterUpstreamTests.ShouldBeUnresolvableOrFit(status, reason, name);
        (pod.Spec.PreFilterNodeNames ?? new HashSet<string>()).Order(StringComparer.Ordinal).ToArray().ShouldBe(preFilterNodes.Split(',', StringSplitOptions.RemoveEmptyEntries), name);
    }
}
