using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Scheduling.Plugins;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Scheduling.Plugins;

/// <summary>
/// Port of TestRequiredAffinitySingleNode and TestRequiredAffinityMultipleNodes,
/// pkg/scheduler/framework/plugins/interpodaffinity/filtering_test.go (Kubernetes v1.35: one reason per status; the
/// pre-1.22 generic "node(s) didn't match pod affinity/anti-affinity" reason is gone). In the first table one node
/// machine1 {region: r1, zone: z11}; existing pods run on it; terms are written <c>topologyKey:selector</c> as YAML flow
/// mappings; upstream's pods on a node outside the snapshot are left out. The second table (the rest of the single-node
/// rows, with <c>namespaceSelector</c>, and the multi-node rows) writes each pod whole, existing ones as
/// <c>node@manifest</c>, and the verdicts per node: S Success, A affinity (UnschedulableAndUnresolvable), N the pod's
/// anti-affinity, E the existing pods' anti-affinity (both Unschedulable); <c>skip</c> when PreFilter returns Skip.
/// The namespaces are upstream's test informers': subteam1.team1 and subteam2.team1 {team: team1}, subteam1.team2
/// {team: team2}, NS1.
/// </summary>
public sealed class InterPodAffinityUpstreamTests
{
    private const string Security = "{service: securityscan}";
    private const string Security2 = "{security: S1}";
    private const string InScan = "{matchExpressions: [{key: service, operator: In, values: [securityscan, value2]}]}";
    private const string InAntivirus = "{matchExpressions: [{key: service, operator: In, values: [antivirusscan, value2]}]}";
    private const string NotInScan = "{matchExpressions: [{key: service, operator: NotIn, values: [securityscan, value2]}]}";

    private static string Term(string topologyKey, string selector, string namespaces = "") =>
        $"{{topologyKey: {topologyKey}, labelSelector: {selector}{(namespaces.Length == 0 ? "" : $", namespaces: {namespaces}")}}}";

    // name, incoming pod (labels, affinity terms, anti-affinity terms), existing pods on machine1 (labels, anti-affinity terms), status code, reason.
    public static TheoryData<string, string, string, string, string[], string[], string, string> Cases() => new()
    {
        { "A pod that has no required pod affinity scheduling rules can schedule onto a node with no existing pods", "{}", "[]", "[]", [], [], nameof(StatusCode.Success), "" },
        { "satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator that matches the existing pod", Security2, $"[{Term("region", InScan)}]", "[]", [Security], ["[]"], nameof(StatusCode.Success), "" },
        { "satisfies the pod with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using not in operator in labelSelector that matches the existing pod", Security2, $"[{Term("region", "{matchExpressions: [{key: service, operator: NotIn, values: [securityscan3, value3]}]}")}]", "[]", [Security], ["[]"], nameof(StatusCode.Success), "" },
        { "Does not satisfy the PodAffinity with labelSelector because of diff Namespace", Security2, $"[{Term("region", InScan, "[DiffNameSpace]")}]", "[]", [Security], ["[]"], nameof(StatusCode.UnschedulableAndUnresolvable), InterPodAffinityPlugin.ErrReasonAffinityRulesNotMatch },
        { "Doesn't satisfy the PodAffinity because of unmatching labelSelector with the existing pod", Security, $"[{Term("region", InAntivirus)}]", "[]", [Security], ["[]"], nameof(StatusCode.UnschedulableAndUnresolvable), InterPodAffinityPlugin.ErrReasonAffinityRulesNotMatch },
        { "satisfies the PodAffinity with different label Operators in multiple RequiredDuringSchedulingIgnoredDuringExecution ", Security2, $"[{Term("region", "{matchExpressions: [{key: service, operator: Exists}, {key: wrongkey, operator: DoesNotExist}]}")}, {Term("region", "{matchExpressions: [{key: service, operator: In, values: [securityscan]}, {key: service, operator: NotIn, values: [WrongValue]}]}")}]", "[]", [Security], ["[]"], nameof(StatusCode.Success), "" },
        { "The labelSelector requirements(items of matchExpressions) are ANDed, the pod cannot schedule onto the node because one of the matchExpression item don't match.", Security2, $"[{Term("region", "{matchExpressions: [{key: service, operator: Exists}, {key: wrongkey, operator: DoesNotExist}]}")}, {Term("region", "{matchExpressions: [{key: service, operator: In, values: [securityscan2]}, {key: service, operator: NotIn, values: [WrongValue]}]}")}]", "[]", [Security], ["[]"], nameof(StatusCode.UnschedulableAndUnresolvable), InterPodAffinityPlugin.ErrReasonAffinityRulesNotMatch },
        { "satisfies the PodAffinity and PodAntiAffinity with the existing pod", Security2, $"[{Term("region", InScan)}]", $"[{Term("node", InAntivirus)}]", [Security], ["[]"], nameof(StatusCode.Success), "" },
        { "satisfies the PodAffinity and PodAntiAffinity and PodAntiAffinity symmetry with the existing pod", Security2, $"[{Term("region", InScan)}]", $"[{Term("node", InAntivirus)}]", [Security], [$"[{Term("node", InAntivirus)}]"], nameof(StatusCode.Success), "" },
        { "satisfies the PodAffinity but doesn't satisfy the PodAntiAffinity with the existing pod", Security2, $"[{Term("region", InScan)}]", $"[{Term("zone", InScan)}]", [Security], ["[]"], nameof(StatusCode.Unschedulable), InterPodAffinityPlugin.ErrReasonAntiAffinityRulesNotMatch },
        { "satisfies the PodAffinity and PodAntiAffinity but doesn't satisfy PodAntiAffinity symmetry with the existing pod", Security, $"[{Term("region", InScan)}]", $"[{Term("node", InAntivirus)}]", [Security], [$"[{Term("zone", InScan)}]"], nameof(StatusCode.Unschedulable), InterPodAffinityPlugin.ErrReasonExistingAntiAffinityRulesNotMatch },
        { "pod matches its own Label in PodAffinity and that matches the existing pod Labels", Security, $"[{Term("region", NotInScan)}]", "[]", [], [], nameof(StatusCode.UnschedulableAndUnresolvable), InterPodAffinityPlugin.ErrReasonAffinityRulesNotMatch },
        { "verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. doesn't satisfy PodAntiAffinity symmetry with the existing pod", Security, "[]", "[]", [Security], [$"[{Term("zone", InScan)}]"], nameof(StatusCode.Unschedulable), InterPodAffinityPlugin.ErrReasonExistingAntiAffinityRulesNotMatch },
        { "verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. satisfy PodAntiAffinity symmetry with the existing pod", Security, "[]", "[]", [Security], [$"[{Term("zone", NotInScan)}]"], nameof(StatusCode.Success), "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Filter_RequiredAffinitySingleNode_MatchesUpstream(
        string name, string labels, string affinity, string antiAffinity, string[] existingLabels, string[] existingAntiAffinity, string code, string reason)
    {
        var state = SchedulingObjects.State(SchedulingObjects.Node("machine1", "{region: r1, zone: z11}"));
        for (var i = 0; i < existingLabels.Length; i++)
        {
            state.Add(PodWith($"existing{i}", existingLabels[i], "[]", existingAntiAffinity[i]), "machine1");
        }

        var filter = new InterPodAffinityPlugin().PreFilter(PodWith("incoming", labels, affinity, antiAffinity), state).Filter;

        var status = filter is null ? FilterStatus.Success : filter(state.Nodes[0]);
        status.Code.ToString().ShouldBe(code, name);
        status.Reasons.ShouldBe(reason.Length == 0 ? [] : [reason], name);
    }

    private static string In(string key, string topologyKey, params string[] values) =>
        $"{{topologyKey: {topologyKey}, labelSelector: {{matchExpressions: [{{key: {key}, operator: In, values: [{string.Join(", ", values.Select(v => $"\"{v}\""))}]}}]}}}}";

    private static string Exists(string key, string topologyKey) =>
        $"{{topologyKey: {topologyKey}, labelSelector: {{matchExpressions: [{{key: {key}, operator: Exists}}]}}}}";

    private static string TeamSelector(string term) => term[..^1] + ", namespaceSelector: {matchExpressions: [{key: team, operator: In, values: [team1]}]}}";

    private static string P(string labels = "{}", string[]? affinity = null, string[]? antiAffinity = null, string @namespace = "default") =>
        $"{{apiVersion: v1, kind: Pod, metadata: {{name: p{Interlocked.Increment(ref _pods)}, namespace: \"{@namespace}\", labels: {labels}}}, spec: {{affinity: {{" +
        $"podAffinity: {{requiredDuringSchedulingIgnoredDuringExecution: [{string.Join(", ", affinity ?? [])}]}}, " +
        $"podAntiAffinity: {{requiredDuringSchedulingIgnoredDuringExecution: [{string.Join(", ", antiAffinity ?? [])}]}}}}, containers: [{{name: c}}]}}}}";

    private static int _pods;

    private const string SingleNode = "node1:{region: r1, zone: z11}";
    private const string China = "nodeA:{region: China}";
    private const string ChinaAz1 = "nodeB:{region: China, az: az1}";
    private const string India = "nodeC:{region: India}";

    private static string Zoned(string name, string zone, string region = "r1") => $"{name}:{{region: {region}, zone: {zone}, hostname: {name}}}";

    // name, incoming pod, existing pods (node@pod), nodes (name:labels), verdicts, PreFilter skips.
    public static TheoryData<string, string, string[], string[], string, bool> Rows() => new()
    {
        // TestRequiredAffinitySingleNode, the rows after those of Cases.
        { "satisfies the PodAntiAffinity with existing pod but doesn't satisfy PodAntiAffinity symmetry with incoming pod", P(Security, antiAffinity: [Exists("service", "region"), Exists("security", "region")]), [$"node1@{P(Security2, antiAffinity: [Exists("security", "zone")])}"], [SingleNode], "N", false },
        { "PodAntiAffinity symmetry check a1: incoming pod and existing pod partially match each other on AffinityTerms", P(Security, antiAffinity: [Exists("service", "zone"), Exists("security", "zone")]), [$"node1@{P(Security2, antiAffinity: [Exists("security", "zone")])}"], [SingleNode], "N", false },
        { "PodAntiAffinity symmetry check a2: incoming pod and existing pod partially match each other on AffinityTerms", P(Security2, antiAffinity: [Exists("security", "zone")]), [$"node1@{P(Security, antiAffinity: [Exists("service", "zone"), Exists("security", "zone")])}"], [SingleNode], "E", false },
        { "PodAntiAffinity symmetry check b1: incoming pod and existing pod partially match each other on AffinityTerms", P("{abc: \"\", xyz: \"\"}", antiAffinity: [Exists("abc", "zone"), Exists("def", "zone")]), [$"node1@{P("{def: \"\", xyz: \"\"}", antiAffinity: [Exists("abc", "zone"), Exists("def", "zone")])}"], [SingleNode], "N", false },
        { "PodAntiAffinity symmetry check b2: incoming pod and existing pod partially match each other on AffinityTerms", P("{def: \"\", xyz: \"\"}", antiAffinity: [Exists("abc", "zone"), Exists("def", "zone")]), [$"node1@{P("{abc: \"\", xyz: \"\"}", antiAffinity: [Exists("abc", "zone"), Exists("def", "zone")])}"], [SingleNode], "N", false },
        { "affinity with NamespaceSelector", P(Security2, affinity: [TeamSelector(In("service", "region", "securityscan", "value2"))]), [$"node1@{P(Security, @namespace: "subteam1.team1")}"], [SingleNode], "S", false },
        { "affinity with non-matching NamespaceSelector", P(Security2, affinity: [TeamSelector(In("service", "region", "securityscan", "value2"))]), [$"node1@{P(Security, @namespace: "subteam1.team2")}"], [SingleNode], "A", false },
        { "anti-affinity with matching NamespaceSelector", P(Security2, antiAffinity: [TeamSelector(In("service", "zone", "securityscan", "value2"))], @namespace: "subteam1.team1"), [$"node1@{P(Security, @namespace: "subteam2.team1")}"], [SingleNode], "N", false },
        { "anti-affinity with matching all NamespaceSelector", P(Security2, antiAffinity: [In("service", "zone", "securityscan", "value2")[..^1] + ", namespaceSelector: {}}"], @namespace: "subteam1.team1"), [$"node1@{P(Security, @namespace: "subteam2.team1")}"], [SingleNode], "N", false },
        { "anti-affinity with non-matching NamespaceSelector", P(Security2, antiAffinity: [TeamSelector(In("service", "zone", "securityscan", "value2"))], @namespace: "subteam1.team1"), [$"node1@{P(Security, @namespace: "subteam1.team2")}"], [SingleNode], "S", false },

        // TestRequiredAffinityMultipleNodes.
        { "A pod can be scheduled onto all the nodes that have the same topology key & label value with one of them has an existing pod that matches the affinity rules", P(affinity: [In("foo", "region", "bar")]), [$"nodeA@{P("{foo: bar}")}"], [China, ChinaAz1, India], "SSA", false },
        { "The affinity rule is to schedule all of the pods of this collection to the same zone. The first pod of the collection should not be blocked from being scheduled onto any node, even there's no existing pod that matches the rule anywhere.", P("{foo: bar, service: securityscan}", affinity: [In("foo", "zone", "bar"), In("service", "zone", "securityscan")]), [$"nodeA@{P("{foo: bar}")}"], ["nodeA:{zone: az1, hostname: h1}", "nodeB:{zone: az2, hostname: h2}"], "SS", false },
        { "The first pod of the collection can only be scheduled on nodes labelled with the requested topology keys", P("{foo: bar, service: securityscan}", affinity: [In("foo", "zone", "bar"), In("service", "zone", "securityscan")]), [$"nodeA@{P("{foo: bar}")}"], ["nodeA:{zoneLabel: az1, hostname: h1}", "nodeB:{zoneLabel: az2, hostname: h2}"], "AA", false },
        { "NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA and nodeB.", P(antiAffinity: [In("foo", "region", "abc")]), [$"nodeA@{P("{foo: abc}")}"], ["nodeA:{region: r1, hostname: nodeA}", "nodeB:{region: r1, hostname: nodeB}"], "NN", false },
        { "This test ensures that anti-affinity matches a pod when any term of the anti-affinity rule matches a pod.", P(antiAffinity: [In("foo", "region", "abc"), In("service", "zone", "securityscan")]), [$"nodeA@{P("{foo: abc, service: securityscan}")}"], [Zoned("nodeA", "z1"), Zoned("nodeB", "z2")], "NN", false },
        { "NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA and nodeB but can be scheduled onto nodeC", P(antiAffinity: [In("foo", "region", "abc")]), [$"nodeA@{P("{foo: abc}")}"], [China, ChinaAz1, India], "NNS", false },
        { "NodeA and nodeB have same topologyKey and label value. NodeA has an existing pod that matches the inter pod affinity rule. The pod can not be scheduled onto nodeA, nodeB, but can be scheduled onto nodeC (NodeC has an existing pod that match the inter pod affinity rule but in different namespace)", P("{foo: \"123\"}", antiAffinity: [In("foo", "region", "bar")], @namespace: "NS1"), [$"nodeA@{P("{foo: bar}", @namespace: "NS1")}", $"nodeC@{P(antiAffinity: [In("foo", "region", "123")], @namespace: "NS2")}"], [China, ChinaAz1, India], "NNS", false },
        { "Test existing pod's anti-affinity: if an existing pod has a term with invalid topologyKey, labelSelector of the term is firstly checked, and then topologyKey of the term is also checked", P("{foo: \"\"}"), [$"nodeA@{P(antiAffinity: [Exists("foo", "invalid-node-label")])}"], [Zoned("nodeA", "z1"), Zoned("nodeB", "z1")], "SS", true },
        { "Test incoming pod's anti-affinity: even if labelSelector matches, we still check if topologyKey matches", P(antiAffinity: [Exists("foo", "invalid-node-label")]), [$"nodeA@{P("{foo: \"\"}")}"], [Zoned("nodeA", "z1"), Zoned("nodeB", "z1")], "SS", false },
        { "Test existing pod's anti-affinity: incoming pod wouldn't considered as a fit as it violates each existingPod's terms on all nodes", P("{foo: \"\", bar: \"\"}"), [$"nodeA@{P(antiAffinity: [Exists("foo", "zone")])}", $"nodeA@{P(antiAffinity: [Exists("bar", "region")])}"], [Zoned("nodeA", "z1"), Zoned("nodeB", "z2")], "EE", false },
        { "Test incoming pod's anti-affinity: incoming pod wouldn't considered as a fit as it at least violates one anti-affinity rule of existingPod", P(antiAffinity: [Exists("foo", "zone"), Exists("bar", "region")]), [$"nodeA@{P("{foo: \"\"}")}", $"nodeB@{P("{bar: \"\"}")}"], [Zoned("nodeA", "z1"), Zoned("nodeB", "z2")], "NN", false },
        { "Test existing pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when one term has invalid topologyKey", P("{foo: \"\", bar: \"\"}"), [$"nodeA@{P(antiAffinity: [Exists("foo", "invalid-node-label"), Exists("bar", "zone")])}"], [Zoned("nodeA", "z1"), Zoned("nodeB", "z2")], "ES", false },
        { "Test incoming pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when one term has invalid topologyKey", P(antiAffinity: [Exists("foo", "invalid-node-label"), Exists("bar", "zone")]), [$"nodeA@{P("{foo: \"\", bar: \"\"}")}"], [Zoned("nodeA", "z1"), Zoned("nodeB", "z2")], "NS", false },
        { "Test existing pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when all terms have valid topologyKey", P("{foo: \"\", bar: \"\"}"), [$"nodeA@{P(antiAffinity: [Exists("foo", "region"), Exists("bar", "zone")])}"], [Zoned("nodeA", "z1"), Zoned("nodeB", "z2")], "EE", false },
        { "Test incoming pod's anti-affinity: only when labelSelector and topologyKey both match, it's counted as a single term match - case when all terms have valid topologyKey", P(antiAffinity: [Exists("foo", "region"), Exists("bar", "zone")]), [$"nodeA@{P("{foo: \"\", bar: \"\"}")}"], [Zoned("nodeA", "z1"), Zoned("nodeB", "z2")], "NN", false },
        { "Test existing pod's anti-affinity: existingPod on nodeA and nodeB has at least one anti-affinity term matches incoming pod, so incoming pod can only be scheduled to nodeC", P("{foo: \"\", bar: \"\"}"), [$"nodeA@{P(antiAffinity: [Exists("foo", "zone"), Exists("labelA", "zone")])}", $"nodeB@{P(antiAffinity: [Exists("bar", "zone"), Exists("labelB", "zone")])}"], [Zoned("nodeA", "z1"), Zoned("nodeB", "z2"), Zoned("nodeC", "z3")], "EES", false },
        { "Test incoming pod's affinity: firstly check if all affinityTerms match, and then check if all topologyKeys match", P(affinity: [Exists("foo", "region"), Exists("bar", "zone")]), [$"nodeA@{P("{foo: \"\", bar: \"\"}")}"], [Zoned("nodeA", "z1"), Zoned("nodeB", "z1")], "SS", false },
        { "Test incoming pod's affinity: firstly check if all affinityTerms match, and then check if all topologyKeys match, and the match logic should be satisfied on the same pod", P(affinity: [Exists("foo", "region"), Exists("bar", "zone")]), [$"nodeA@{P("{foo: \"\"}")}", $"nodeB@{P("{bar: \"\"}")}"], [Zoned("nodeA", "z1"), Zoned("nodeB", "z2")], "AA", false },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Filter_UpstreamRows_MatchUpstream(string name, string incoming, string[] existing, string[] nodes, string verdicts, bool skip)
    {
        var state = SchedulingObjects.State([.. nodes.Select(n => SchedulingObjects.Node(n[..n.IndexOf(':', StringComparison.Ordinal)], n[(n.IndexOf(':', StringComparison.Ordinal) + 1)..]))]);
        state.AddNamespace("subteam1.team1", new Dictionary<string, string> { ["team"] = "team1" });
        state.AddNamespace("subteam2.team1", new Dictionary<string, string> { ["team"] = "team1" });
        state.AddNamespace("subteam1.team2", new Dictionary<string, string> { ["team"] = "team2" });
        foreach (var pod in existing)
        {
            var at = pod.IndexOf('@', StringComparison.Ordinal);
            state.Add(SchedulingObjects.Pod(pod[(at + 1)..]), pod[..at]);
        }

        var filter = new InterPodAffinityPlugin().PreFilter(SchedulingObjects.Pod(incoming), state).Filter;

        (filter is null).ShouldBe(skip, name);
        string.Concat(state.Nodes.Select(n => Letter(filter is null ? FilterStatus.Success : filter(n)))).ShouldBe(verdicts, name);
    }

    private static char Letter(FilterStatus status) => (status.Code, status.Reasons.SingleOrDefault()) switch
    {
        (StatusCode.Success, null) => 'S',
        (StatusCode.UnschedulableAndUnresolvable, InterPodAffinityPlugin.ErrReasonAffinityRulesNotMatch) => 'A',
        (StatusCode.Unschedulable, InterPodAffinityPlugin.ErrReasonAntiAffinityRulesNotMatch) => 'N',
        (StatusCode.Unschedulable, InterPodAffinityPlugin.ErrReasonExistingAntiAffinityRulesNotMatch) => 'E',
        _ => '?',
    };

    private static PodInfo PodWith(string name, string labels, string affinity, string antiAffinity) =>
        SchedulingObjects.Pod(
            $"{{apiVersion: v1, kind: Pod, metadata: {{name: {name}, labels: {labels}}}, spec: {{affinity: {{" +
            $"podAffinity: {{requiredDuringSchedulingIgnoredDuringExecution: {affinity}}}, " +
            $"podAntiAffinity: {{requiredDuringSchedulingIgnoredDuringExecution: {antiAffinity}}}}}, containers: [{{name: c}}]}}}}");
}
