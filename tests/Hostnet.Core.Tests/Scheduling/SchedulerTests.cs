using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Scheduling;

public sealed class SchedulerTests
{
    private const string Preemption = " no new claims to deallocate, preemption: ";

    private static PodInfo Pod(string name, string spec, string labels = "{app: web}", string owner = "Deployment/web") =>
        SchedulingObjects.Pod($"{{apiVersion: v1, kind: Pod, metadata: {{name: {name}, labels: {labels}}}, spec: {spec}}}", owner);

    /// <summary>A system-node-critical pod wanting host port 80.</summary>
    private static PodInfo CriticalOnPort80(string name, string owner = "Deployment/web") =>
        Pod(name, "{priorityClassName: system-node-critical, containers: [{name: c, ports: [{containerPort: 80, hostPort: 80}]}]}", owner: owner);

    [Fact]
    public void Schedule_RequestAboveAllocatable_IsInsufficientCpu()
    {
        var state = SchedulingObjects.State(SchedulingObjects.Node("n1", allocatable: "{cpu: '1', memory: 1Gi, pods: '110'}"));
        var pod = Pod("p", "{containers: [{name: c, resources: {requests: {cpu: 1500m, memory: 2Gi}}}]}");

        new Scheduler(KubeVersion.Latest).Schedule(pod, state).Message.ShouldBe(
            "0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory." + Preemption + "0/1 nodes are available: 1 No preemption victims found for incoming pod.");
    }

    [Fact]
    public void Schedule_FullNode_IsTooManyPods_EvenOnHostNetwork()
    {
        var state = SchedulingObjects.State(SchedulingObjects.Node("n1", allocatable: "{pods: '1'}"));
        state.Add(Pod("a", "{containers: [{name: c}]}"), "n1");

        new Scheduler(new KubeVersion(1, 30)).Schedule(Pod("b", "{hostNetwork: true, containers: [{name: c}]}"), state).Message.ShouldBe(
            "0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.");
    }

    [Fact]
    public void Schedule_SelfAntiAffinityOnHostname_KeepsOnePodPerNode()
    {
        var state = SchedulingObjects.State(SchedulingObjects.Nodes(3));
        var scheduler = new Scheduler(KubeVersion.Latest);
        const string Spec = "{affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: web}}}]}}, containers: [{name: c}]}";
        var nodes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var result = scheduler.Schedule(Pod($"web-{i}", Spec), state);
            nodes.Add(result.NodeName!);
            state.Add(Pod($"web-{i}", Spec), result.NodeName!);
        }

        nodes.Distinct().Count().ShouldBe(3);
        scheduler.Schedule(Pod("web-3", Spec), state).Message.ShouldBe(
            "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules." + Preemption + "0/3 nodes are available: 3 No preemption victims found for incoming pod.");
    }

    [Fact]
    public void Schedule_ExistingPodsAntiAffinity_KeepsTheIncomingPodAway()
    {
        var state = SchedulingObjects.State(SchedulingObjects.Nodes(1));
        state.Add(Pod("guard", "{affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: noisy}}}]}}, containers: [{name: c}]}", "{app: guard}", "Pod/guard"), "node-1");

        new Scheduler(KubeVersion.Latest).Schedule(Pod("noisy", "{containers: [{name: c}]}", "{app: noisy}", "Pod/noisy"), state).Message.ShouldBe(
            "0/1 nodes are available: 1 node(s) didn't satisfy existing pods anti-affinity rules." + Preemption + "0/1 nodes are available: 1 No preemption victims found for incoming pod.");
    }

    [Fact]
    public void Schedule_AffinityToAbsentPods_IsUnresolvable()
    {
        var state = SchedulingObjects.State(SchedulingObjects.Nodes(2));
        var pod = Pod("api", "{affinity: {podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: db}}}]}}, containers: [{name: c}]}");

        new Scheduler(KubeVersion.Latest).Schedule(pod, state).Message.ShouldBe(
            "0/2 nodes are available: 2 node(s) didn't match pod affinity rules." + Preemption + "0/2 nodes are available: 2 Preemption is not helpful for scheduling.");
    }

    [Fact]
    public void Schedule_AffinityToItsOwnLabels_LetsTheFirstPodIn()
    {
        var state = SchedulingObjects.State(SchedulingObjects.Nodes(2));
        var pod = Pod("db-0", "{affinity: {podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: db}}}]}}, containers: [{name: c}]}", "{app: db}");

        new Scheduler(KubeVersion.Latest).Schedule(pod, state).IsScheduled.ShouldBeTrue();
    }

    [Fact]
    public void Schedule_AffinityToAPlacedPod_FollowsIt()
    {
        var state = SchedulingObjects.State(SchedulingObjects.Nodes(3));
        state.Add(Pod("db", "{containers: [{name: c}]}", "{app: db}", "Pod/db"), "node-2");
        var pod = Pod("api", "{affinity: {podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: db}}}]}}, containers: [{name: c}]}");

        var result = new Scheduler(KubeVersion.Latest).Schedule(pod, state);

        result.NodeName.ShouldBe("node-2");
        result.OnlyChoice.ShouldBeTrue();
    }

    [Fact]
    public void Schedule_TopologySpread_GoesToTheEmptierDomain()
    {
        var state = SchedulingObjects.State(
            SchedulingObjects.Node("a", "{zone: a}"),
            SchedulingObjects.Node("b", "{zone: b}"),
            SchedulingObjects.Node("c"));
        const string Spec = "{topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}], containers: [{name: c}]}";
        state.Add(Pod("w0", Spec), "a");
        state.Add(Pod("w1", Spec), "a");

        var result = new Scheduler(KubeVersion.Latest).Schedule(Pod("w2", Spec), state);

        result.NodeName.ShouldBe("b");
    }

    [Fact]
    public void Schedule_TopologySpread_CordonedNodeStillCountsAsAnEmptyDomain()
    {
        var state = SchedulingObjects.State(
            SchedulingObjects.Node("a", "{zone: a}"),
            SchedulingObjects.Node("b", "{zone: b}", unschedulable: true),
            SchedulingObjects.Node("c"));
        const string Spec = "{topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}], containers: [{name: c}]}";
        state.Add(Pod("w0", Spec), "a");

        new Scheduler(KubeVersion.Latest).Schedule(Pod("w1", Spec), state).Message.ShouldBe(
            "0/3 nodes are available: 1 node(s) didn't match pod topology spread constraints, 1 node(s) didn't match pod topology spread constraints (missing required label), 1 node(s) were unschedulable."
            + Preemption + "0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.");
    }

    [Fact]
    public void Schedule_PreemptionPolicyNever_SaysItIsNotEligible()
    {
        var state = SchedulingObjects.State(SchedulingObjects.Nodes(1));
        state.Add(SchedulingObjects.WithHostPorts("TCP//80"), "node-1");
        var pod = Pod("p", "{preemptionPolicy: Never, containers: [{name: c, ports: [{containerPort: 80, hostPort: 80}]}]}");

        new Scheduler(new KubeVersion(1, 33)).Schedule(pod, state).Message.ShouldBe(
            "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. preemption: not eligible due to preemptionPolicy=Never.");
    }

    [Fact]
    public void Schedule_LowerPriorityPodHoldingThePort_IsAPreemptionVictim()
    {
        var state = SchedulingObjects.State(SchedulingObjects.Nodes(1));
        state.Add(SchedulingObjects.WithHostPorts("TCP//80"), "node-1");
        var pod = CriticalOnPort80("p");

        var result = new Scheduler(new KubeVersion(1, 33)).Schedule(pod, state);

        result.NominatedNode.ShouldBe("node-1");
        result.Message.ShouldBe("0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports.");
        state.Nodes[0].Pods.Count.ShouldBe(1);
    }

    [Fact]
    public void Schedule_EqualPriorityCriticalPodsOnOnePort_NameTheFilterInThePreemptionPart()
    {
        var state = SchedulingObjects.State(SchedulingObjects.Nodes(1));
        state.Add(SchedulingObjects.WithHostPorts("TCP//80"), "node-1");
        state.Add(CriticalOnPort80("other-critical", "DaemonSet/svclb"), "node-1");
        var pod = CriticalOnPort80("p");

        new Scheduler(new KubeVersion(1, 33)).Schedule(pod, state).Message.ShouldBe(
            "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. preemption: 0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports.");
    }

    [Fact]
    public void Schedule_NoNodes_IsTheNoNodesMessage()
    {
        new Scheduler(KubeVersion.Latest).Schedule(Pod("p", "{containers: [{name: c}]}"), SchedulingObjects.State()).Message
            .ShouldBe("no nodes available to schedule pods");
    }

    [Fact]
    public void Remove_FreesTheHostPort()
    {
        var state = SchedulingObjects.State(SchedulingObjects.Nodes(1));
        var holder = SchedulingObjects.WithHostPorts("TCP//80");
        state.Add(holder, "node-1");
        var scheduler = new Scheduler(KubeVersion.Latest);

        scheduler.Schedule(SchedulingObjects.WithHostPorts("TCP//80"), state).IsScheduled.ShouldBeFalse();
        state.Remove(holder).ShouldBeTrue();
        scheduler.Schedule(SchedulingObjects.WithHostPorts("TCP//80"), state).NodeName.ShouldBe("node-1");
    }

    [Fact]
    public void Remove_KeepsAPortThatSharesTheRemovedOnesMaskBit()
    {
        // 80 and 336 share bit 80 of NodeInfo's 256-bit port-number mask: removing 80 must not make 336 look free.
        var state = SchedulingObjects.State(SchedulingObjects.Nodes(1));
        var holder80 = SchedulingObjects.WithHostPorts("TCP//80");
        state.Add(holder80, "node-1");
        state.Add(SchedulingObjects.WithHostPorts("TCP//336"), "node-1");
        state.Remove(holder80).ShouldBeTrue();
        var scheduler = new Scheduler(KubeVersion.Latest);

        scheduler.Schedule(SchedulingObjects.WithHostPorts("TCP//336"), state).IsScheduled.ShouldBeFalse();
        scheduler.Schedule(SchedulingObjects.WithHostPorts("TCP//80"), state).NodeName.ShouldBe("node-1");
    }

    [Fact]
    public void Schedule_AfterTheLowerPriorityHolderIsRemoved_FindsNoPreemptionVictim()
    {
        var state = SchedulingObjects.State(SchedulingObjects.Nodes(1));
        var low = SchedulingObjects.WithHostPorts("TCP//80");
        state.Add(low, "node-1");
        state.Add(CriticalOnPort80("other-critical", "DaemonSet/svclb"), "node-1");
        var pod = CriticalOnPort80("p");
        var scheduler = new Scheduler(new KubeVersion(1, 33));
        scheduler.Schedule(pod, state).Message.ShouldBe(
            "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. preemption: 0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports.");

        state.Remove(low).ShouldBeTrue();

        scheduler.Schedule(pod, state).Message.ShouldBe(
            "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.");
    }

    [Fact]
    public void Schedule_EqualNodes_EachReplicaGoesWhereItsTieBreakerIsLowest()
    {
        var state = SchedulingObjects.State(SchedulingObjects.Nodes(5));
        var scheduler = new Scheduler(KubeVersion.Latest);

        foreach (var name in new[] { "web-a", "web-b", "web-c" })
        {
            // A pod of its own workload each, so that only the tie-breaker tells the five empty nodes apart.
            var pod = Pod(name, "{containers: [{name: c}]}", owner: "Deployment/" + name);
            var expected = state.Nodes.MinBy(n => NodeScoring.TieBreak(NodeScoring.NameHash(name), NodeScoring.NameHash(n.Name)))!.Name;

            scheduler.Schedule(pod, state).NodeName.ShouldBe(expected);
        }
    }

    [Fact]
    public void Schedule_ManyNodes_StopsAtTheFeasibleNodesToFind()
    {
        var state = SchedulingObjects.State(SchedulingObjects.Nodes(1000));

        var result = new Scheduler(KubeVersion.Latest).Schedule(Pod("p", "{containers: [{name: c}]}"), state);

        result.FeasibleNodes.ShouldBe(420);
        result.ExaminedAllNodes.ShouldBeFalse();
    }
}
