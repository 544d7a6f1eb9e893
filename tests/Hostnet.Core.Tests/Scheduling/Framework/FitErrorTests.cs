using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Cache;
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

    public static TheoryData<string, int, int, int, string> PostFilterCases() => new()
    {
        {
            "equal-priority replicas, before dynamic resources", 1, 33, 3,
            "0/3 nodes are available: 3 node(s) didn't have free ports for the requested pod ports. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod."
        },
        {
            "from 1.34 the dynamic resources message comes first", 1, 34, 1,
            "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod."
        },
    };

    [Theory]
    [MemberData(nameof(PostFilterCases))]
    public void PostFilter_Cases_MatchTheScheduler(string name, int major, int minor, int portNodes, string expected)
    {
        var version = new KubeVersion(major, minor);
        var filtered = new Diagnosis(Statuses((portNodes, Ports)), null);
        var error = new FitError(portNodes, filtered with { PostFilterMessage = DefaultPreemption.PostFilterMessage(portNodes, filtered, version) });

        error.Error(version).ShouldBe(expected, name);
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

    public static TheoryData<string, int, string[], string?, string?, string?, string> ErrorCases() => new()
    {
        // TestFitError_Error (pkg/scheduler/framework/types_test.go, v1.35): nodes left out by PreFilter carry no reason.
        { "nodes failed Prefilter plugin", 3, ["Node(s) failed PreFilter plugin FalsePreFilter", "Node(s) failed PreFilter plugin FalsePreFilter", "Node(s) failed PreFilter plugin FalsePreFilter"], "Node(s) failed PreFilter plugin FalsePreFilter", null, null, "0/3 nodes are available: Node(s) failed PreFilter plugin FalsePreFilter." },
        { "nodes failed Prefilter plugin and the preemption also failed", 3, ["Node(s) failed PreFilter plugin FalsePreFilter", "Node(s) failed PreFilter plugin FalsePreFilter", "Node(s) failed PreFilter plugin FalsePreFilter"], "Node(s) failed PreFilter plugin FalsePreFilter", "Error running PostFilter plugin FailedPostFilter", null, "0/3 nodes are available: Node(s) failed PreFilter plugin FalsePreFilter. Error running PostFilter plugin FailedPostFilter" },
        { "nodes failed one Filter plugin with an empty PostFilterMsg", 3, ["Node(s) failed Filter plugin FalseFilter-1", "Node(s) failed Filter plugin FalseFilter-1", "Node(s) failed Filter plugin FalseFilter-1"], null, null, null, "0/3 nodes are available: 3 Node(s) failed Filter plugin FalseFilter-1." },
        { "nodes failed one Filter plugin with a non-empty PostFilterMsg", 3, ["Node(s) failed Filter plugin FalseFilter-1", "Node(s) failed Filter plugin FalseFilter-1", "Node(s) failed Filter plugin FalseFilter-1"], null, "Error running PostFilter plugin FailedPostFilter", null, "0/3 nodes are available: 3 Node(s) failed Filter plugin FalseFilter-1. Error running PostFilter plugin FailedPostFilter" },
        { "nodes failed two Filter plugins with an empty PostFilterMsg", 3, ["Node(s) failed Filter plugin FalseFilter-1", "Node(s) failed Filter plugin FalseFilter-1", "Node(s) failed Filter plugin FalseFilter-2"], null, null, null, "0/3 nodes are available: 1 Node(s) failed Filter plugin FalseFilter-2, 2 Node(s) failed Filter plugin FalseFilter-1." },
        { "nodes failed two Filter plugins with a non-empty PostFilterMsg", 3, ["Node(s) failed Filter plugin FalseFilter-1", "Node(s) failed Filter plugin FalseFilter-1", "Node(s) failed Filter plugin FalseFilter-2"], null, "Error running PostFilter plugin FailedPostFilter", null, "0/3 nodes are available: 1 Node(s) failed Filter plugin FalseFilter-2, 2 Node(s) failed Filter plugin FalseFilter-1. Error running PostFilter plugin FailedPostFilter" },
        { "failed to Permit on node", 1, ["Node failed Permit plugin Permit-1"], null, null, null, "0/1 nodes are available: 1 Node failed Permit plugin Permit-1." },
        { "failed to Reserve on node", 1, ["Node failed Reserve plugin Reserve-1"], null, null, null, "0/1 nodes are available: 1 Node failed Reserve plugin Reserve-1." },

        // hostnet's own: byte order, no nodes, the PreFilter message, nodes left out by NodeAffinity's PreFilter.
        {
            "histogram entries in byte order", 12, [.. Enumerable.Repeat(NodePortsPlugin.ErrReason, 2), .. Enumerable.Repeat(NodeAffinityPlugin.ErrReasonPod, 10)], null, null, null,
            "0/12 nodes are available: 10 node(s) didn't match Pod's node affinity/selector, 2 node(s) didn't have free ports for the requested pod ports."
        },
        {
            "byte order puts Insufficient (uppercase) first", 2, [NodeAffinityPlugin.ErrReasonPod, "Insufficient cpu"], null, null, null,
            "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector."
        },
        { "no nodes", 0, [], null, null, null, "no nodes available to schedule pods" },
        {
            "a PreFilter message replaces the histogram", 3, [.. Enumerable.Repeat(NodePortsPlugin.ErrReason, 3)], "pod has unbound immediate PersistentVolumeClaims", null, null,
            "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims."
        },
        {
            "absent nodes count their reason for every node left out", 5, [NodePortsPlugin.ErrReason], null, null, "node(s) didn't satisfy plugin(s) [NodeAffinity]",
            "0/5 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 4 node(s) didn't satisfy plugin(s) [NodeAffinity]."
        },
    };

    /// <summary>One reason per node filtered; the nodes beyond them were left out by PreFilter, with <paramref name="absent"/> as their reason.</summary>
    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void Error_Cases_MatchTheScheduler(string name, int numAllNodes, string[] reasons, string? preFilter, string? postFilter, string? absent, string expected)
    {
        var statuses = reasons.Select((r, i) => (Node: $"node{i + 1}", Status: FilterStatus.Unschedulable("Fake", r)))
            .ToDictionary(s => s.Node, s => s.Status, StringComparer.Ordinal);
        var absentStatus = absent is null
            ? new FilterStatus(StatusCode.UnschedulableAndUnresolvable, string.Empty, [])
            : FilterStatus.Unresolvable(PluginNames.NodeAffinity, absent);
        var diagnosis = new Diagnosis(statuses, absentStatus, preFilter, postFilter);

        new FitError(numAllNodes, diagnosis).Error(KubeVersion.Latest).ShouldBe(expected, name);
    }
}
