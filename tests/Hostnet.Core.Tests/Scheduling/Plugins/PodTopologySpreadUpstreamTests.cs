using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Scheduling.Plugins;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Scheduling.Plugins;

/// <summary>
/// Port of TestSingleConstraint (DoNotSchedule), pkg/scheduler/framework/plugins/podtopologyspread/filtering_test.go
/// (Kubernetes v1.35). Nodes are upstream's: <c>name:zone</c> (zone "-" puts the label under the misspelt key
/// <c>zon</c>), each also labelled <c>node: name</c>. Existing pods carry label <c>foo</c> and are written
/// <c>[namespace/]node[!]</c> (<c>!</c> marks a terminating pod). The verdicts are the node codes in order:
/// S Success, U Unschedulable, R UnschedulableAndUnresolvable.
/// </summary>
public sealed class PodTopologySpreadUpstreamTests
{
    private const string FourNodes = "node-a:zone1 node-b:zone1 node-x:zone2 node-y:zone2";
    private const string Spread231 = "node-a node-a node-b node-y node-y node-y";

    private static string Zone(int maxSkew = 1, string selector = "{matchExpressions: [{key: foo, operator: Exists}]}", string key = "zone") =>
        $"[{{maxSkew: {maxSkew}, topologyKey: {key}, whenUnsatisfiable: DoNotSchedule, labelSelector: {selector}}}]";

    // name, pod labels, extra pod spec, constraints, nodes, existing pods, verdicts.
    public static TheoryData<string, string, string, string, string, string, string> Cases() => new()
    {
        { "no existing pods", "{foo: \"\"}", "", Zone(), FourNodes, "", "SSSS" },
        { "no existing pods, incoming pod doesn't match itself", "{foo: \"\"}", "", Zone(selector: "{matchExpressions: [{key: bar, operator: Exists}]}"), FourNodes, "", "SSSS" },
        { "existing pods in a different namespace do not count", "{foo: \"\"}", "", Zone(), FourNodes, "ns1/node-a ns2/node-a node-x node-y", "SSUU" },
        { "pods spread across zones as 3/3, all nodes fit", "{foo: \"\"}", "", Zone(), FourNodes, Spread231, "SSSS" },
        { "pods spread across zones as 1/2 due to absence of label 'zone' on node-b", "{foo: \"\"}", "", Zone(), "node-a:zone1 node-b:- node-x:zone2 node-y:zone2", "node-a node-b node-x node-y", "SRUU" },
        { "pod cannot be scheduled as all nodes don't have label 'rack'", "{foo: \"\"}", "", Zone(key: "rack"), "node-a:zone1 node-x:zone2", "", "RR" },
        { "pods spread across nodes as 2/1/0/3, only node-x fits", "{foo: \"\"}", "", Zone(key: "node"), FourNodes, Spread231, "UUSU" },
        { "pods spread across nodes as 2/1/0/3, maxSkew is 2, node-b and node-x fit", "{foo: \"\"}", "", Zone(2, key: "node"), FourNodes, Spread231, "USSU" },
        { "pods spread across nodes as 2/1/0/3, but pod doesn't match itself", "{bar: \"\"}", "", Zone(key: "node"), FourNodes, Spread231, "USSU" },
        { "incoming pod has nodeAffinity, pods spread as 2/~1~/~0~/3, hence node-a fits", "{foo: \"\"}", "affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: node, operator: In, values: [node-a, node-y]}]}]}}}, ", Zone(key: "node"), FourNodes, Spread231, "SSSU" },
        { "terminating Pods should be excluded", "{foo: \"\"}", "", Zone(key: "node"), "node-a: node-b:", "node-a! node-b", "SU" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Filter_SingleConstraint_MatchesUpstream(string name, string labels, string extra, string constraints, string nodes, string existing, string verdicts)
    {
        var state = SchedulingObjects.State([.. nodes.Split(' ').Select(NodeFrom)]);
        var index = 0;
        foreach (var placement in existing.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (ns, node) = placement.Contains('/', StringComparison.Ordinal) ? (placement.Split('/')[0], placement.Split('/')[1]) : ("default", placement);
            var pod = SchedulingObjects.Pod($"{{apiVersion: v1, kind: Pod, metadata: {{name: p{index++}, namespace: {ns}, labels: {{foo: \"\"}}}}, spec: {{containers: [{{name: c}}]}}}}");
            state.Add(node.EndsWith('!') ? new(pod.Namespace, pod.Name, pod.Labels, pod.Spec, pod.Owner) { Terminating = true } : pod, node.TrimEnd('!'));
        }

        var incoming = SchedulingObjects.Pod($"{{apiVersion: v1, kind: Pod, metadata: {{name: p, labels: {labels}}}, spec: {{{extra}topologySpreadConstraints: {constraints}, containers: [{{name: c}}]}}}}");
        var filter = new PodTopologySpreadPlugin().PreFilter(incoming, state).Filter.ShouldNotBeNull();

        string.Concat(state.Nodes.Select(n => Letter(filter(n)))).ShouldBe(verdicts, name);
    }

    private static Hostnet.Core.Model.Node NodeFrom(string spec)
    {
        var (node, zone) = (spec.Split(':')[0], spec.Split(':')[1]);
        var zoneLabel = zone switch { "" => "", "-" => "zon: zone1, ", _ => $"zone: {zone}, " };
        return SchedulingObjects.Node(node, $"{{{zoneLabel}node: {node}}}");
    }

    private static char Letter(FilterStatus status) => status.Code switch
    {
        StatusCode.Success => 'S',
        StatusCode.Unschedulable => 'U',
        StatusCode.UnschedulableAndUnresolvable => 'R',
        _ => '?',
    };
}
