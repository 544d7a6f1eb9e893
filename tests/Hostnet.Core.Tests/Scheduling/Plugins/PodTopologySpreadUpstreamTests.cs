using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Scheduling.Plugins;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Scheduling.Plugins;

/// <summary>
/// Port of TestSingleConstraint and TestMultipleConstraints (DoNotSchedule, minDomains and nodeInclusionPolicy rows
/// included), pkg/scheduler/framework/plugins/podtopologyspread/filtering_test.go (Kubernetes v1.35). Nodes are
/// upstream's: <c>name:zone</c> (zone "-" puts the label under the misspelt key <c>zon</c>), each also labelled
/// <c>node: name</c> unless the zone ends in <c>-</c>; <c>+foo</c> adds the label foo, <c>~</c> the
/// node.kubernetes.io/unschedulable:NoSchedule taint. Existing pods carry label <c>foo</c> and are written
/// <c>[namespace/]node[!][=labels]</c> (<c>!</c> marks a terminating pod, <c>=bar</c> or <c>=foo,bar</c> replaces
/// the labels). The verdicts are the node codes in order: S Success, U Unschedulable, R UnschedulableAndUnresolvable.
/// </summary>
public sealed class PodTopologySpreadUpstreamTests
{
    private const string FourNodes = "node-a:zone1 node-b:zone1 node-x:zone2 node-y:zone2";
    private const string Spread231 = "node-a node-a node-b node-y node-y node-y";

    private const string Foo = "{matchExpressions: [{key: foo, operator: Exists}]}";
    private const string Bar = "{matchExpressions: [{key: bar, operator: Exists}]}";
    private const string FooNodeSelector = "nodeSelector: {foo: \"\"}, ";

    private static string Zone(int maxSkew = 1, string selector = Foo, string key = "zone") => $"[{C(key, selector, maxSkew)}]";

    private static string C(string key, string selector = Foo, int maxSkew = 1, int? minDomains = null, string? affinityPolicy = null, string? taintsPolicy = null) =>
        $"{{maxSkew: {maxSkew}, topologyKey: {key}, whenUnsatisfiable: DoNotSchedule, labelSelector: {selector}" +
        (minDomains is null ? "" : $", minDomains: {minDomains}") +
        (affinityPolicy is null ? "" : $", nodeAffinityPolicy: {affinityPolicy}") +
        (taintsPolicy is null ? "" : $", nodeTaintsPolicy: {taintsPolicy}") + "}";

    private static string NodeAffinity(string key, string @operator, string values) =>
        $"affinity: {{nodeAffinity: {{requiredDuringSchedulingIgnoredDuringExecution: {{nodeSelectorTerms: [{{matchExpressions: [{{key: {key}, operator: {@operator}, values: {values}}}]}}]}}}}}}, ";

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
        { "existing pods do not match null selector", "{foo: \"\"}", "", Zone(selector: "null"), FourNodes, "node-x node-y", "SSSS" },
        { "incoming pod has nodeAffinity, pods spread as 0/~2~/0/1, hence node-a fits", "{foo: \"\"}", NodeAffinity("node", "NotIn", "[node-b]"), Zone(), FourNodes, "node-b node-b node-y", "SSUU" },
        { "pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains < minDomains, then the third node fits", "{foo: \"\"}", "", $"[{C("node", maxSkew: 2, minDomains: 4)}]", "node-a: node-b: node-c:", "node-a node-a node-b node-b node-c", "UUS" },
        { "pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains > minDomains, then the all nodes fit", "{foo: \"\"}", "", $"[{C("node", maxSkew: 2, minDomains: 2)}]", "node-a: node-b: node-c:", "node-a node-a node-b node-b node-c", "SSS" },
        { "pods spread across zone as 2/1, maxSkew is 2 and the number of domains < minDomains, then the third and fourth nodes fit", "{foo: \"\"}", "", $"[{C("zone", maxSkew: 2, minDomains: 3)}]", FourNodes, "node-a node-b node-y", "UUSS" },
        { "pods spread across zone as 2/1, maxSkew is 2 and the number of domains > minDomains, then the all nodes fit", "{foo: \"\"}", "", $"[{C("zone", maxSkew: 2, minDomains: 1)}]", FourNodes, "node-a node-b node-y", "SSSS" },
        { "NodeAffinityPolicy honored with labelSelectors", "{foo: \"\"}", FooNodeSelector, $"[{C("node")}]", InclusionNodes, "node-a node-b node-y", "UUSS" },
        { "NodeAffinityPolicy ignored with labelSelectors", "{foo: \"\"}", FooNodeSelector, $"[{C("node", affinityPolicy: "Ignore")}]", InclusionNodes, "node-a node-b node-y", "UUSU" },
        { "NodeAffinityPolicy honored with nodeAffinity", "{foo: \"\"}", NodeAffinity("foo", "In", "[\"\"]"), $"[{C("node")}]", InclusionNodes, "node-a node-b node-y", "UUSS" },
        { "NodeAffinityPolicy ignored with labelSelectors (the nodeAffinity row)", "{foo: \"\"}", NodeAffinity("foo", "In", "[\"\"]"), $"[{C("node", affinityPolicy: "Ignore")}]", InclusionNodes, "node-a node-b node-y", "UUSU" },
        { "NodeTaintsPolicy honored", "{foo: \"\"}", "", $"[{C("node", taintsPolicy: "Honor")}]", TaintNodes, "node-a node-b node-y", "UUSS" },
        { "NodeTaintsPolicy ignored", "{foo: \"\"}", "", $"[{C("node")}]", TaintNodes, "node-a node-b node-y", "UUSU" },

        // TestMultipleConstraints.
        { "two Constraints on zone and node, spreads = [3/3, 2/1/0/3]", "{foo: \"\"}", "", $"[{C("zone")}, {C("node")}]", FourNodes, Spread231, "UUSU" },
        { "two Constraints on zone and node, spreads = [3/4, 2/1/0/4]", "{foo: \"\"}", "", $"[{C("zone")}, {C("node")}]", FourNodes, Spread231 + " node-y", "UUUU" },
        { "Constraints hold different labelSelectors, spreads = [1/0, 1/0/0/1]", "{foo: \"\", bar: \"\"}", "", $"[{C("zone")}, {C("node", Bar)}]", FourNodes, "node-a node-y=bar", "UUSU" },
        { "Constraints hold different labelSelectors, spreads = [1/0, 0/0/1/1]", "{foo: \"\", bar: \"\"}", "", $"[{C("zone")}, {C("node", Bar)}]", FourNodes, "node-a node-x=bar node-y=bar", "UUUU" },
        { "Constraints hold different labelSelectors, spreads = [2/3, 1/0/0/1]", "{foo: \"\", bar: \"\"}", "", $"[{C("zone")}, {C("node", Bar)}]", FourNodes, "node-a node-a=foo,bar node-y node-y=foo,bar node-y", "USUU" },
        { "Constraints hold different labelSelectors but pod doesn't match itself on 'zone' constraint", "{bar: \"\"}", "", $"[{C("zone")}, {C("node", Bar)}]", FourNodes, "node-a node-x=bar node-y=bar", "SSUU" },
        { "two Constraints on zone and node, absence of label 'node' on node-x, spreads = [1/1, 1/0/0/1]", "{foo: \"\"}", "", $"[{C("zone")}, {C("node")}]", "node-a:zone1 node-b:zone1 node-x:zone2- node-y:zone2", "node-a node-y", "USRU" },
        { "two node inclusion Constraints, zone: honor/ignore, node: ignore/ignore", "{foo: \"\"}", FooNodeSelector, $"[{C("zone")}, {C("node", affinityPolicy: "Ignore")}]", "node-a:zone1+foo node-b:zone1+foo node-x:zone2+foo node-y:zone2", "node-a node-b node-y", "UUSU" },
        { "two node inclusion Constraints, zone: honor/honor, node: honor/ignore", "{foo: \"\"}", "", $"[{C("zone", taintsPolicy: "Honor")}, {C("node")}]", "node-a:zone1+foo node-b:zone1+foo node-x:zone2+foo node-y:zone2~", "node-a node-b node-y", "UUSU" },
        { "two node inclusion Constraints, zone: honor/ignore, node: honor/ignore", "{foo: \"\"}", FooNodeSelector, $"[{C("zone")}, {C("node")}]", "node-a:zone1+foo node-b:zone1 node-x:zone2+foo node-y:zone2+foo~", "node-a node-b node-y", "USSU" },
        { "two node inclusion Constraints, zone: honor/honor, node: ignore/ignore", "{foo: \"\"}", FooNodeSelector, $"[{C("zone", taintsPolicy: "Honor")}, {C("node", affinityPolicy: "Ignore")}]", "node-a:zone1+foo node-b:zone1 node-x:zone2+foo node-y:zone2+foo~", "node-a node-b node-y", "UUSU" },
    };

    private const string InclusionNodes = "node-a:+foo node-b:+foo node-x:+foo node-y:";
    private const string TaintNodes = "node-a:+foo node-b:+foo node-x:+foo node-y:~";

    [Theory]
    [MemberData(nameof(Cases))]
    public void Filter_SingleConstraint_MatchesUpstream(string name, string labels, string extra, string constraints, string nodes, string existing, string verdicts)
    {
        var state = SchedulingObjects.State([.. nodes.Split(' ').Select(NodeFrom)]);
        var index = 0;
        foreach (var placement in existing.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (where, keys) = placement.Contains('=', StringComparison.Ordinal) ? (placement.Split('=')[0], placement.Split('=')[1]) : (placement, "foo");
            var (ns, node) = where.Contains('/', StringComparison.Ordinal) ? (where.Split('/')[0], where.Split('/')[1]) : ("default", where);
            var podLabels = string.Join(", ", keys.Split(',').Select(l => $"{l}: \"\""));
            var pod = SchedulingObjects.Pod($"{{apiVersion: v1, kind: Pod, metadata: {{name: p{index++}, namespace: {ns}, labels: {{{podLabels}}}}}, spec: {{containers: [{{name: c}}]}}}}");
            state.Add(node.EndsWith('!') ? new(pod.Namespace, pod.Name, pod.Labels, pod.Spec, pod.Owner) { Terminating = true } : pod, node.TrimEnd('!'));
        }

        var incoming = SchedulingObjects.Pod($"{{apiVersion: v1, kind: Pod, metadata: {{name: p, labels: {labels}}}, spec: {{{extra}topologySpreadConstraints: {constraints}, containers: [{{name: c}}]}}}}");
        var filter = new PodTopologySpreadPlugin().PreFilter(incoming, state).Filter.ShouldNotBeNull();

        string.Concat(state.Nodes.Select(n => Letter(filter(n)))).ShouldBe(verdicts, name);
    }

    private static Hostnet.Core.Model.Node NodeFrom(string spec)
    {
        var (node, zone) = (spec.Split(':')[0], spec.Split(':')[1]);
        var tainted = zone.EndsWith('~');
        var foo = zone.Contains("+foo", StringComparison.Ordinal);
        zone = zone.TrimEnd('~').Replace("+foo", "", StringComparison.Ordinal);
        var withoutNode = zone.Length > 1 && zone.EndsWith('-');
        zone = withoutNode ? zone.TrimEnd('-') : zone;
        List<string> labels = [];
        labels.AddRange(zone switch { "" => [], "-" => ["zon: zone1"], _ => [$"zone: {zone}"] });
        labels.AddRange(foo ? ["foo: \"\""] : []);
        labels.AddRange(withoutNode ? [] : [$"node: {node}"]);
        var taints = tainted ? "[{key: node.kubernetes.io/unschedulable, effect: NoSchedule}]" : "[]";
        return SchedulingObjects.Node(node, $"{{{string.Join(", ", labels)}}}", taints: taints);
    }

    private static char Letter(FilterStatus status) => status.Code switch
    {
        StatusCode.Success => 'S',
        StatusCode.Unschedulable => 'U',
        StatusCode.UnschedulableAndUnresolvable => 'R',
        _ => '?',
    };
}
