using Hostnet.Core.Rules.RunTime;
using Hostnet.Core.Scheduling.Framework;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

/// <summary>
/// HN012's index of the running pods of a <c>--cluster</c> snapshot: it finds the holders a scan of every running pod
/// finds, in the same order, and compares a workload only with the pods holding its port numbers. The work is counted,
/// not timed.
/// </summary>
public sealed class RunningPortHoldersTests
{
    private static readonly string[] Protocols = ["TCP", "UDP", "SCTP", ""];

    private static readonly string[] Addresses = ["", "0.0.0.0", "10.0.0.1", "10.0.0.2", "::"];

    [Fact]
    public void Holding_RandomPods_FindsWhatAScanOfEveryRunningPodFinds()
    {
        var random = new Random(15);
        for (var round = 0; round < 30; round++)
        {
            var running = Enumerable.Range(0, 80).Select(_ => RandomPod(random, ports: 6)).ToArray();
            var holders = new RunningPortConflicts.PortHolders(running);
            for (var workload = 0; workload < 10; workload++)
            {
                var wanted = RandomPod(random, ports: 6).Spec.Ports;

                var scanned = running.Where(p => p.Spec.Ports.Any(held => wanted.Any(held.ConflictsWith))).ToArray();

                holders.Holding(wanted).ShouldBe(scanned, $"round {round}, workload {workload}");
            }
        }
    }

    [Fact]
    public void Holding_ManyPodsOnDistinctPorts_ComparesWithThePodsOfTheWantedPortOnly()
    {
        const int Running = 5_000;
        var running = Enumerable.Range(0, Running).Select(i => SchedulingObjects.WithHostPorts($"TCP//{10_000 + i}")).ToArray();
        var holders = new RunningPortConflicts.PortHolders(running);

        for (var i = 0; i < 1_000; i++)
        {
            holders.Holding(SchedulingObjects.WithHostPorts($"TCP//{10_000 + (i * 5)}").Spec.Ports).ShouldHaveSingleItem().ShouldBeSameAs(running[i * 5]);
        }

        // A scan compares each of the 1,000 workloads with all 5,000 pods: 5,000,000 comparisons.
        holders.Comparisons.ShouldBe(1_000);
    }

    [Fact]
    public void Holding_OtherProtocolOfTheSameNumber_IsNotAHolder()
    {
        var udp = SchedulingObjects.WithHostPorts("UDP//53");
        var tcp = SchedulingObjects.WithHostPorts("TCP/10.0.0.1/53");
        var holders = new RunningPortConflicts.PortHolders([udp, tcp]);

        holders.Holding(SchedulingObjects.WithHostPorts("TCP//53").Spec.Ports).ShouldBe([tcp]);
        holders.Holding(SchedulingObjects.WithHostPorts("TCP/10.0.0.2/53").Spec.Ports).ShouldBeEmpty();
        holders.Comparisons.ShouldBe(2);
    }

    private static PodInfo RandomPod(Random random, int ports) =>
        SchedulingObjects.WithHostPorts([.. Enumerable.Range(0, 1 + random.Next(ports)).Select(_ =>
            $"{Protocols[random.Next(Protocols.Length)]}/{Addresses[random.Next(Addresses.Length)]}/{8000 + random.Next(6)}")]);
}
