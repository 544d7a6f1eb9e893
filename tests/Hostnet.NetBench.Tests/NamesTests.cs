using Hostnet.NetBench.Datapath;
using Shouldly;

namespace Hostnet.NetBench.Tests;

public sealed class NamesTests
{
    [Theory]
    [InlineData("hostnet-bench-4242-host-node-a", 4242)]
    [InlineData("hostnet-bench-17-kubepods", 17)]
    [InlineData("hostnet-bench-17", 17)]
    [InlineData("hostnet-bench-x-node-a", null)]
    [InlineData("hostnet-agent-4242-node", null)]
    [InlineData("cni0", null)]
    public void OwnerOf_Name_PidOnlyForTheBenchsNames(string name, int? pid) => BenchNames.OwnerOf(name).ShouldBe(pid);

    [Fact]
    public void Namespace_ModeAndRole_CarriesPrefixPidAndMode() =>
        new BenchNames(99).Namespace(BenchMode.PodVxlan, "node-b").ShouldBe("hostnet-bench-99-pod-vxlan-node-b");

    [Fact]
    public void LinkNames_FitTheKernelsLimit() =>
        new[] { BenchNames.Uplink, BenchNames.PodVethHostSide, BenchNames.PodInterface, BenchNames.Bridge, BenchNames.Vxlan }
            .ShouldAllBe(name => name.Length <= 15 && name.StartsWith(BenchNames.Prefix));

    // --modes host-network,HOST --modes service: each value a list, any case, measured in the planner's order.
    [Fact]
    public void Chosen_NamesInAnyOrderAndCase_ModesInMeasuringOrder() =>
        BenchModeNames.Chosen(BenchModeNames.Words(["service", " host-network , HOST", ","]))
            .ShouldBe([BenchMode.Host, BenchMode.HostNetwork, BenchMode.Service]);

    [Fact]
    public void Chosen_NoName_EveryMode() =>
        BenchModeNames.Chosen(BenchModeNames.Words([])).ShouldBe(BenchModeNames.All);

    [Theory]
    [InlineData("host", "host")]
    [InlineData("Pod-VXLAN", "pod-vxlan")]
    [InlineData("HOST-network", "host-network")]
    public void TryParse_ModeName_ParsesAnyCase(string name, string canonical)
    {
        BenchModeNames.TryParse(name, out var parsed).ShouldBeTrue();
        parsed.Name().ShouldBe(canonical);
    }

    // Every link, address and rule of every mode is made inside the mode's own namespaces, never in the machine's.
    [Fact]
    public void Plan_EveryMode_TouchesOnlyItsOwnNamespaces()
    {
        foreach (var mode in BenchModeNames.All)
        {
            var plan = DatapathPlanner.Plan(mode, new BenchNames(7));
            foreach (var command in plan.Commands)
            {
                var text = command.ToString();
                var inNamespace = command.Arguments switch
                {
                    ["ip", "netns", "add", var name] => plan.Namespaces.Contains(name),
                    ["ip", "-n", var name, ..] => plan.Namespaces.Contains(name),
                    ["ip", "link", "add", _, "netns", var a, "type", "veth", "peer", "name", _, "netns", var b] => plan.Namespaces.Contains(a) && plan.Namespaces.Contains(b),
                    ["nsenter", var net, "--", ..] => plan.Namespaces.Any(n => net == $"--net=/run/netns/{n}"),
                    _ => false,
                };
                inNamespace.ShouldBeTrue($"{mode.Name()}: {text}");
            }
        }
    }
}
