using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Scheduling.Plugins;
using Hostnet.Core.Semantics.Placement;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Scheduling.Framework;

public sealed class FitErrorTests
{
    private static readonly KubeVersion V133 = new(1, 33);

    private static Dictionary<string, FilterStatus> Statuses(params (int Count, FilterStatus Status)[] groups)
    {
        var statuses = new Dictionary<string, FilterStatus>(StringComparer.Ordinal);
        var index = 0;
        foreach (var (count, status) in groups)
        {
            for (var i = 0; i < count; i++)
            {
                statuses[$"node-{index++}"] = status;
            }
        }

        return statuses;
    }

    private static readonly FilterStatus Ports = FilterStatus.Unschedulable("NodePorts", NodePortsPlugin.ErrReason);

    private static readonly FilterStatus Affinity = FilterStatus.Unresolvable("NodeAffinity", NodeAffinityPlugin.ErrReasonPod);

    [Fact]
    public void Error_Histogram_SortsEntriesInByteOrder()
    {
        var error = new FitError(12, new Diagnosis(Statuses((2, Ports), (10, Affinity)), null));

        error.Error(KubeVersion.Latest).ShouldBe(
            "0/12 nodes are available: 10 node(s) didn't match Pod's node affinity/selector, 2 node(s) didn't have free ports for the requested pod ports.");
    }

    [Fact]
    public void Error_InsufficientBeforeNodeReasons_ByteOrderPutsUppercaseFirst()
    {
        var cpu = FilterStatus.Unschedulable("NodeResourcesFit", "Insufficient cpu");
        var error = new FitError(2, new Diagnosis(Statuses((1, Affinity), (1, cpu)), null));

        error.Error(KubeVersion.Latest).ShouldBe("0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector.");
    }

    [Fact]
    public void Error_NoNodes_IsTheNoNodesMessage()
    {
        new FitError(0, new Diagnosis(new Dictionary<string, FilterStatus>(), null)).Error(KubeVersion.Latest)
            .ShouldBe("no nodes available to schedule pods");
    }

    [Fact]
    public void Error_PreFilterMessage_ReplacesTheHistogram()
    {
        var error = new FitError(3, new Diagnosis(Statuses((3, Ports)), null, "pod has unbound immediate PersistentVolumeClaims"));

        error.Error(KubeVersion.Latest).ShouldBe("0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims.");
    }

    [Fact]
    public void Error_AbsentNodes_CountTheirReasonForEveryNodeLeftOut()
    {
        var absent = FilterStatus.Unresolvable("NodeAffinity", "node(s) didn't satisfy plugin(s) [NodeAffinity]");
        var error = new FitError(5, new Diagnosis(Statuses((1, Ports)), absent));

        error.Error(KubeVersion.Latest).ShouldBe(
            "0/5 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 4 node(s) didn't satisfy plugin(s) [NodeAffinity].");
    }

    [Fact]
    public void PostFilter_EqualPriorityReplicas_MatchesTheSchedulerBeforeDynamicResources()
    {
        var filtered = new Diagnosis(Statuses((3, Ports)), null);
        var error = new FitError(3, filtered with { PostFilterMessage = DefaultPreemption.PostFilterMessage(3, filtered, V133) });

        error.Error(V133).ShouldBe(
            "0/3 nodes are available: 3 node(s) didn't have free ports for the requested pod ports. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.");
    }

    [Fact]
    public void PostFilter_From134_PutsTheDynamicResourcesMessageFirst()
    {
        var filtered = new Diagnosis(Statuses((1, Ports)), null);
        var version = new KubeVersion(1, 34);
        var error = new FitError(1, filtered with { PostFilterMessage = DefaultPreemption.PostFilterMessage(1, filtered, version) });

        error.Error(version).ShouldBe(
            "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.");
    }

    [Theory]
    [InlineData(1, 24, "incoming pod.")]
    [InlineData(1, 25, "incoming pod..")]
    [InlineData(1, 27, "incoming pod..")]
    [InlineData(1, 28, "incoming pod.")]
    public void PostFilter_125To127_AppendsAnExtraPeriod(int major, int minor, string ending)
    {
        var version = new KubeVersion(major, minor);
        var filtered = new Diagnosis(Statuses((1, Ports)), null);
        var error = new FitError(1, filtered with { PostFilterMessage = DefaultPreemption.PostFilterMessage(1, filtered, version) });

        error.Error(version).ShouldEndWith(ending);
        error.Error(version).ShouldNotEndWith(ending + ".");
    }

    [Fact]
    public void PostFilter_UnresolvableNodes_AreNotHelpedByPreemption()
    {
        var taint = FilterStatus.Unresolvable("TaintToleration", "node(s) had untolerated taint(s)");
        var filtered = new Diagnosis(Statuses((2, Ports), (1, taint)), null);

        DefaultPreemption.PostFilterMessage(3, filtered, V133).ShouldBe(
            "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.");
    }

    [Fact]
    public void Scheduler_DaemonSetSurgePod_MatchesTheDocumentedEvent()
    {
        var template = Support.Objects.Spec("  containers:\n    - name: relay\n      image: relay\n      ports:\n        - {containerPort: 7070, hostPort: 7070}\n");
        var state = new ClusterState([Support.Objects.Node("a"), Support.Objects.Node("b"), Support.Objects.Node("c")]);
        var spec = SchedulingSpec.ForDaemonSetPod(DaemonSetPods.PodFor(template, "a"));
        state.Add(new PodInfo("default", "relay-old", new Dictionary<string, string>(), spec, "DaemonSet/relay"), "a");
        var surge = new PodInfo("default", "relay-new", new Dictionary<string, string>(), spec, "DaemonSet/relay");

        new Scheduler(V133).Schedule(surge, state).Message.ShouldBe(
            "0/3 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.");
        new Scheduler(new KubeVersion(1, 28)).Schedule(surge, state).Message.ShouldBe(
            "0/3 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 2 node is filtered out by the prefilter result. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.");
    }

    [Fact]
    public void Scheduler_TaintReason_DependsOnTheVersion()
    {
        var pod = new PodInfo("default", "a", new Dictionary<string, string>(), SchedulingSpec.ForPod(Support.Objects.Spec("  containers: [{name: a, image: a}]\n")), "Pod/a");
        // One state per release: a state keeps the node-only verdicts of a spec once computed.
        ClusterState State() => new([Support.Objects.Node("cp", "{}", "node-role.kubernetes.io/control-plane:NoSchedule"), Support.Objects.Node("gpu", "{}", "gpu=yes:NoExecute")]);

        new Scheduler(new KubeVersion(1, 35)).Schedule(pod, State()).Message.ShouldStartWith(
            "0/2 nodes are available: 2 node(s) had untolerated taint(s). no new claims to deallocate, preemption:");
        new Scheduler(V133).Schedule(pod, State()).Message.ShouldStartWith(
            "0/2 nodes are available: 1 node(s) had untolerated taint {gpu: yes}, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption:");
    }

    public static TheoryData<string, int, string[], string?, string?, string> UpstreamCases() => new()
    {
        { "nodes failed Prefilter plugin", 3, ["Node(s) failed PreFilter plugin FalsePreFilter", "Node(s) failed PreFilter plugin FalsePreFilter", "Node(s) failed PreFilter plugin FalsePreFilter"], "Node(s) failed PreFilter plugin FalsePreFilter", null, "0/3 nodes are available: Node(s) failed PreFilter plugin FalsePreFilter." },
        { "nodes failed Prefilter plugin and the preemption also failed", 3, ["Node(s) failed PreFilter plugin FalsePreFilter", "Node(s) failed PreFilter plugin FalsePreFilter", "Node(s) failed PreFilter plugin FalsePreFilter"], "Node(s) failed PreFilter plugin FalsePreFilter", "Error running PostFilter plugin FailedPostFilter", "0/3 nodes are available: Node(s) failed PreFilter plugin FalsePreFilter. Error running PostFilter plugin FailedPostFilter" },
        { "nodes failed one Filter plugin with an empty PostFilterMsg", 3, ["Node(s) failed Filter plugin FalseFilter-1", "Node(s) failed Filter plugin FalseFilter-1", "Node(s) failed Filter plugin FalseFilter-1"], null, null, "0/3 nodes are available: 3 Node(s) failed Filter plugin FalseFilter-1." },
        { "nodes failed one Filter plugin with a non-empty PostFilterMsg", 3, ["Node(s) failed Filter plugin FalseFilter-1", "Node(s) failed Filter plugin FalseFilter-1", "Node(s) failed Filter plugin FalseFilter-1"], null, "Error running PostFilter plugin FailedPostFilter", "0/3 nodes are available: 3 Node(s) failed Filter plugin FalseFilter-1. Error running PostFilter plugin FailedPostFilter" },
        { "nodes failed two Filter plugins with an empty PostFilterMsg", 3, ["Node(s) failed Filter plugin FalseFilter-1", "Node(s) failed Filter plugin FalseFilter-1", "Node(s) failed Filter plugin FalseFilter-2"], null, null, "0/3 nodes are available: 1 Node(s) failed Filter plugin FalseFilter-2, 2 Node(s) failed Filter plugin FalseFilter-1." },
        { "nodes failed two Filter plugins with a non-empty PostFilterMsg", 3, ["Node(s) failed Filter plugin FalseFilter-1", "Node(s) failed Filter plugin FalseFilter-1", "Node(s) failed Filter plugin FalseFilter-2"], null, "Error running PostFilter plugin FailedPostFilter", "0/3 nodes are available: 1 Node(s) failed Filter plugin FalseFilter-2, 2 Node(s) failed Filter plugin FalseFilter-1. Error running PostFilter plugin FailedPostFilter" },
        { "failed to Permit on node", 1, ["Node failed Permit plugin Permit-1"], null, null, "0/1 nodes are available: 1 Node failed Permit plugin Permit-1." },
        { "failed to Reserve on node", 1, ["Node failed Reserve plugin Reserve-1"], null, null, "0/1 nodes are available: 1 Node failed Reserve plugin Reserve-1." },
    };

    /// <summary>Ports of TestFitError_Error (pkg/scheduler/framework/types_test.go), on the current release.</summary>
    [Theory]
    [MemberData(nameof(UpstreamCases))]
    public void Error_UpstreamCases_MatchUpstream(string name, int numAllNodes, string[] reasons, string? preFilter, string? postFilter, string expected)
    {
        var statuses = reasons.Select((r, i) => (Node: $"node{i + 1}", Status: FilterStatus.Unschedulable("Fake", r)))
            .ToDictionary(s => s.Node, s => s.Status, StringComparer.Ordinal);
        var diagnosis = new Diagnosis(statuses, new FilterStatus(StatusCode.UnschedulableAndUnresolvable, string.Empty, []), preFilter, postFilter);

        new FitError(numAllNodes, diagnosis).Error(KubeVersion.Latest).ShouldBe(expected, name);
    }
}
