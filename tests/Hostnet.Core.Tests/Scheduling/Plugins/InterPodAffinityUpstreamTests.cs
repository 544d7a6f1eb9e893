using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Scheduling.Plugins;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Scheduling.Plugins;

/// <summary>
/// Port of TestRequiredAffinitySingleNode, pkg/scheduler/framework/plugins/interpodaffinity/filtering_test.go
/// (Kubernetes v1.35: one reason per status; the pre-1.22 generic "node(s) didn't match pod affinity/anti-affinity"
/// reason is gone). One node machine1 {region: r1, zone: z11}; existing pods run on it. Terms are written
/// <c>topologyKey:selector</c> as YAML flow mappings; upstream's pods on a node outside the snapshot are left out.
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

    private static Hostnet.Core.Scheduling.Framework.PodInfo PodWith(string name, string labels, string affinity, string antiAffinity) =>
        SchedulingObjects.Pod(
            $"{{apiVersion: v1, kind: Pod, metadata: {{name: {name}, labels: {labels}}}, spec: {{affinity: {{" +
            $"podAffinity: {{requiredDuringSchedulingIgnoredDuringExecution: {affinity}}}, " +
            $"podAntiAffinity: {{requiredDuringSchedulingIgnoredDuringExecution: {antiAffinity}}}}}, containers: [{{name: c}}]}}}}");
}
