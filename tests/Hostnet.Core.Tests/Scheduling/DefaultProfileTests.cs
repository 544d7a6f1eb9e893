using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Plugins;
using Hostnet.Core.Semantics.Placement;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Scheduling;

public sealed class DefaultProfileTests
{
    private static NodeEligibility Pod(string placement) =>
        NodeEligibility.ForPod(Objects.Spec(placement + "  containers: [{name: a, image: a}]\n"));

    [Fact]
    public void FilterNode_FollowsTheSchedulerOrderAndReasons()
    {
        var pod = Pod("  nodeSelector: {pool: a}\n");
        var version = KubeVersion.Latest;

        DefaultProfile.FilterNode(pod, Objects.Node("n", "{pool: a}"), version).IsSuccess.ShouldBeTrue();
        DefaultProfile.FilterNode(pod, Objects.Node("n", "{pool: b}"), version).Reasons.ShouldBe(["node(s) didn't match Pod's node affinity/selector"]);
        DefaultProfile.FilterNode(pod, Objects.Node("n", "{pool: b}", "dedicated=db:NoSchedule"), version).Plugin.ShouldBe("TaintToleration");
        DefaultProfile.FilterNode(pod, Objects.Node("n", "{pool: a}", "soft:PreferNoSchedule"), version).IsSuccess.ShouldBeTrue();
        var cordoned = Objects.One<Node>("apiVersion: v1\nkind: Node\nmetadata: {name: c, labels: {pool: a}}\nspec: {unschedulable: true}\n");
        DefaultProfile.FilterNode(pod, cordoned, version).Reasons.ShouldBe(["node(s) were unschedulable"]);
    }

    [Fact]
    public void Admits_DaemonSetPods_TolerateNodeConditionsButNotTheControlPlane()
    {
        var hostNetwork = NodeEligibility.ForDaemonSetPod(Objects.Spec("  hostNetwork: true\n  containers: [{name: a, image: a}]\n"));
        var podNetwork = NodeEligibility.ForDaemonSetPod(Objects.Spec("  containers: [{name: a, image: a}]\n"));
        var unavailable = Objects.Node("n", "{}", "node.kubernetes.io/network-unavailable:NoSchedule");

        DefaultProfile.Admits(hostNetwork, Objects.Node("n", "{}", "node.kubernetes.io/not-ready:NoExecute")).ShouldBeTrue();
        DefaultProfile.Admits(hostNetwork, unavailable).ShouldBeTrue();
        DefaultProfile.Admits(podNetwork, unavailable).ShouldBeFalse();
        DefaultProfile.Admits(hostNetwork, Objects.Node("n", "{}", "node-role.kubernetes.io/control-plane:NoSchedule")).ShouldBeFalse();
    }

    [Fact]
    public void Filters_NodeOnlyPluginsComeFirst_InTheDefaultProfileOrder() =>
        DefaultProfile.Filters(KubeVersion.Latest).Select(p => p.Name).ShouldBe(
            ["NodeUnschedulable", "NodeName", "TaintToleration", "NodeAffinity", "NodePorts", "NodeResourcesFit", "PodTopologySpread", "InterPodAffinity"]);
}
