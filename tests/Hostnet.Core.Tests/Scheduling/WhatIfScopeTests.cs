using System.Text;
using Hostnet.Core.Model;
using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Scheduling;

/// <summary>
/// <see cref="ClusterSimulation.FeasibleNodes"/> with many pods set aside removes only those that can change the answer
/// (HN012 asks about one pod of a controller with its siblings set aside): the pods on the nodes the asked pod may go
/// to, and anywhere the pods whose anti-affinity forbids it a domain; when the asked pod's own terms read other nodes,
/// every pod set aside goes. Each answer here is wrong if the wrong pods stay, and the state is as it was afterwards.
/// </summary>
public sealed class WhatIfScopeTests
{
    private const string AntiAffinity = "affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {matchLabels: {app: web}}, topologyKey: zone}]}}";

    [Fact]
    public void A_sibling_holding_the_port_on_the_asked_pods_node_is_set_aside()
    {
        var simulation = Simulation(askedTerms: "", siblingOnB1Terms: "");

        Feasible(simulation).ShouldBe(["node-a"]);
    }

    [Fact]
    public void A_sibling_elsewhere_whose_anti_affinity_forbids_the_zone_is_set_aside()
    {
        var simulation = Simulation(askedTerms: "", siblingOnB1Terms: AntiAffinity);

        Feasible(simulation).ShouldBe(["node-a"]);
    }

    [Fact]
    public void Every_pod_is_set_aside_when_the_asked_pods_own_anti_affinity_reads_other_nodes()
    {
        var simulation = Simulation(askedTerms: AntiAffinity, siblingOnB1Terms: "");

        Feasible(simulation).ShouldBe(["node-a"]);
    }

    [Fact]
    public void The_state_is_as_it_was_after_the_question()
    {
        var simulation = Simulation(askedTerms: "", siblingOnB1Terms: AntiAffinity);
        var version = simulation.State.Version;
        var before = simulation.Running.Select(r => simulation.State.NodeOf(r.Info)?.Name).ToArray();

        Feasible(simulation);

        simulation.State.Version.ShouldBe(version);
        simulation.Running.Select(r => simulation.State.NodeOf(r.Info)?.Name).ShouldBe(before);
        simulation.State.Find("node-a")!.Pods.Count.ShouldBe(2);
        simulation.State.Find("node-b")!.Pods.Count.ShouldBe(8);
    }

    /// <summary>Where the asked pod (on node-a, host port 9300) could go with itself and its nine siblings set aside.</summary>
    private static string[] Feasible(ClusterSimulation simulation)
    {
        var asked = simulation.Running[0].Info;
        IReadOnlyList<PodInfo> aside = [.. simulation.Running.Select(r => r.Info)];
        return [.. simulation.FeasibleNodes([asked], aside).Select(f => f.Node.Name)];
    }

    /// <summary>
    /// Two nodes of one zone: node-a runs the asked pod and a sibling holding the same host port, node-b eight siblings
    /// without host ports. Every pod is labelled app=web; the asked pod (pinned to node-a) and the first sibling on
    /// node-b carry the terms given.
    /// </summary>
    private static ClusterSimulation Simulation(string askedTerms, string siblingOnB1Terms)
    {
        var text = new StringBuilder("""
            apiVersion: v1
            kind: List
            items:
            - {apiVersion: v1, kind: Node, metadata: {name: node-a, labels: {zone: z1}}, status: {allocatable: {cpu: "8", memory: 16Gi, pods: "110"}}}
            - {apiVersion: v1, kind: Node, metadata: {name: node-b, labels: {zone: z1}}, status: {allocatable: {cpu: "8", memory: 16Gi, pods: "110"}}}

            """);
        Pod(text, "asked", "node-a", hostPort: true, askedTerms);
        Pod(text, "sibling-a", "node-a", hostPort: true, "");
        for (var i = 1; i <= 8; i++)
        {
            Pod(text, $"sibling-b{i}", "node-b", hostPort: false, i == 1 ? siblingOnB1Terms : "");
        }

        var read = SnapshotText.Read(text.ToString(), "cluster.yaml");
        read.Errors.ShouldBeEmpty();
        return new ClusterSimulation(read.Snapshot.Nodes, read.Snapshot.Pods, KubeVersion.Latest, "default");
    }

    private static void Pod(StringBuilder text, string name, string node, bool hostPort, string terms)
    {
        var ports = hostPort ? ", ports: [{containerPort: 9300, hostPort: 9300}]" : "";
        var affinity = terms.Length == 0 ? "" : ", " + terms;
        text.Append("- {apiVersion: v1, kind: Pod, metadata: {name: ").Append(name).Append(", namespace: shop, labels: {app: web}}, ")
            .Append("spec: {nodeName: ").Append(node).Append(affinity)
            .Append(", containers: [{name: web, image: example.com/web:1").Append(ports).Append("}]}, status: {phase: Running}}\n");
    }
}
