using Hostnet.Core.Scheduling;
using Hostnet.Core.Scheduling.Plugins;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Scheduling;

/// <summary>Ports of TestNodePorts and TestFits (pkg/scheduler/framework/plugins/nodeports/node_ports_test.go).</summary>
public sealed class NodePortsPluginTests
{
    public static TheoryData<string, string[], string[], bool> NodePortsCases() => new()
    {
        { "other port", ["UDP/127.0.0.1/8080"], ["UDP/127.0.0.1/9090"], true },
        { "same udp port", ["UDP/127.0.0.1/8080"], ["UDP/127.0.0.1/8080"], false },
        { "same tcp port", ["TCP/127.0.0.1/8080"], ["TCP/127.0.0.1/8080"], false },
        { "different host ip", ["TCP/127.0.0.1/8080"], ["TCP/127.0.0.2/8080"], true },
        { "different protocol", ["UDP/127.0.0.1/8080"], ["TCP/127.0.0.1/8080"], true },
        { "second udp port conflict", ["UDP/127.0.0.1/8000", "UDP/127.0.0.1/8080"], ["UDP/127.0.0.1/8080"], false },
        { "first tcp port conflict", ["TCP/127.0.0.1/8001", "UDP/127.0.0.1/8080"], ["TCP/127.0.0.1/8001", "UDP/127.0.0.1/8081"], false },
        { "first tcp port conflict due to 0.0.0.0 hostIP", ["TCP/0.0.0.0/8001"], ["TCP/127.0.0.1/8001"], false },
        { "TCP hostPort conflict due to 0.0.0.0 hostIP", ["TCP/10.0.10.10/8001", "TCP/0.0.0.0/8001"], ["TCP/127.0.0.1/8001"], false },
        { "second tcp port conflict to 0.0.0.0 hostIP", ["TCP/127.0.0.1/8001"], ["TCP/0.0.0.0/8001"], false },
        { "second different protocol", ["UDP/127.0.0.1/8001"], ["TCP/0.0.0.0/8001"], true },
        { "UDP hostPort conflict due to 0.0.0.0 hostIP", ["UDP/127.0.0.1/8001"], ["TCP/0.0.0.0/8001", "UDP/0.0.0.0/8001"], false },

        // TestFits
        { "non-conflicting ports", ["TCP/127.0.0.1/80"], ["TCP/127.0.0.1/9090"], true },
        { "multiple non-conflicting ports", ["TCP/127.0.0.1/80", "TCP/127.0.1.1/80", "TCP/127.0.1.1/90", "TCP/127.0.1.1/100"], ["TCP/127.0.0.1/9090", "TCP/127.0.0.1/9191", "TCP/127.0.1.1/8080"], true },
        { "same ports on different protocols", ["TCP/127.0.0.1/80"], ["UDP/127.0.0.1/80"], true },
        { "conflicting ports", ["TCP/127.0.0.1/80"], ["TCP/127.0.0.1/80"], false },
        { "multiple ports, some conflicting", ["TCP/127.0.0.1/80", "TCP/127.0.1.1/80", "TCP/127.0.1.1/90", "TCP/127.0.1.1/100"], ["TCP/127.0.0.1/9090", "TCP/127.0.1.1/90", "TCP/127.0.1.1/8080"], false },
    };

    [Theory]
    [MemberData(nameof(NodePortsCases))]
    public void Filter_UpstreamCases_MatchUpstream(string name, string[] wanted, string[] used, bool fits)
    {
        var state = SchedulingObjects.State(SchedulingObjects.Node("m1"));
        state.Add(SchedulingObjects.WithHostPorts(used), "m1");

        var filter = new NodePortsPlugin().PreFilter(SchedulingObjects.WithHostPorts(wanted), state).Filter.ShouldNotBeNull();

        var status = filter(state.Nodes[0]);
        status.IsSuccess.ShouldBe(fits, name);
        if (!fits)
        {
            status.Code.ShouldBe(StatusCode.Unschedulable);
            status.Reasons.ShouldBe(["node(s) didn't have free ports for the requested pod ports"]);
        }
    }

    [Fact]
    public void PreFilter_PodWithoutHostPorts_Skips()
    {
        var pod = SchedulingObjects.Pod("{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: c}]}}");

        new NodePortsPlugin().PreFilter(pod, SchedulingObjects.State()).ShouldBeSameAs(PreFilterResult.Skip);
    }

    [Fact]
    public void PreFilter_HostNetworkWithoutDeclaredPorts_Skips()
    {
        var pod = SchedulingObjects.Pod("{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {hostNetwork: true, containers: [{name: c, image: nginx}]}}");

        new NodePortsPlugin().PreFilter(pod, SchedulingObjects.State()).ShouldBeSameAs(PreFilterResult.Skip);
    }

    [Fact]
    public void PreFilter_NonSidecarInitContainerHostPort_Skips()
    {
        var pod = SchedulingObjects.Pod("{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {initContainers: [{name: i, ports: [{containerPort: 8001, hostPort: 8001}]}], containers: [{name: c}]}}");

        new NodePortsPlugin().PreFilter(pod, SchedulingObjects.State()).ShouldBeSameAs(PreFilterResult.Skip);
    }

    [Fact]
    public void Filter_SidecarInitContainerHostPort_Conflicts()
    {
        var state = SchedulingObjects.State(SchedulingObjects.Node("m1"));
        state.Add(SchedulingObjects.WithHostPorts("TCP/0.0.0.0/8001"), "m1");
        var pod = SchedulingObjects.Pod("{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {initContainers: [{name: i, restartPolicy: Always, ports: [{containerPort: 8001, hostPort: 8001, protocol: TCP}]}], containers: [{name: c}]}}");

        var filter = new NodePortsPlugin().PreFilter(pod, state).Filter.ShouldNotBeNull();

        filter(state.Nodes[0]).IsSuccess.ShouldBeFalse();
    }

    [Fact]
    public void Filter_HostNetworkDeclaredPort_DefaultsToAHostPortThatConflicts()
    {
        var state = SchedulingObjects.State(SchedulingObjects.Node("m1"));
        const string Nginx = "{apiVersion: v1, kind: Pod, metadata: {name: NAME}, spec: {hostNetwork: true, containers: [{name: c, ports: [{containerPort: 80}]}]}}";
        state.Add(SchedulingObjects.Pod(Nginx.Replace("NAME", "a", StringComparison.Ordinal)), "m1");

        var filter = new NodePortsPlugin().PreFilter(SchedulingObjects.Pod(Nginx.Replace("NAME", "b", StringComparison.Ordinal)), state).Filter.ShouldNotBeNull();

        filter(state.Nodes[0]).IsSuccess.ShouldBeFalse();
    }
}
