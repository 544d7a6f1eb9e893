using System.Diagnostics;
using Hostnet.NetBench.Datapath;
using Hostnet.NetBench.Tests.Support;
using Shouldly;

namespace Hostnet.NetBench.Tests.Real;

/// <summary>
/// The bench removes everything it made when it ends, when told to stop (SIGTERM, as Ctrl-C's SIGINT), and, when it
/// was killed outright (SIGKILL), at the start of the next run.
/// </summary>
[Collection(RootNetworkTests.Name)]
public sealed class CleanupTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Sigkill_MidRun_NextRunRemovesTheLeftoversAndTheMachineIsAsBefore()
    {
        var before = Shell.Snapshot();
        using var killed = StartBench("--modes", "host-network,service", "--duration", "1s", "--repeat", "20", "--engine", "hostnet");
        WaitForFirstRun(killed);

        killed.Kill();
        killed.WaitForExit();

        // The killed run's namespaces, its servers in them and its pod cgroup are still there.
        var leftovers = LeftoverSweeper.BenchNamespaces().Where(n => BenchNames.OwnerOf(n) == killed.Id).ToList();
        leftovers.Count.ShouldBe(6);
        Shell.Run("ip", "netns", "pids", leftovers.Single(n => n.EndsWith("host-network-node-b", StringComparison.Ordinal))).ShouldNotBeEmpty();
        Shell.Snapshot().Cgroups.ShouldContain($"hostnet-bench-{killed.Id}-kubepods");

        using var next = StartBench("--modes", "host", "--duration", "200ms", "--repeat", "1", "--engine", "hostnet", "--format", "json");
        var errorRead = next.StandardError.ReadToEndAsync();
        (await next.StandardOutput.ReadToEndAsync()).ShouldContain("\"mode\": \"host\"");
        await next.WaitForExitAsync();
        var error = await errorRead;

        next.ExitCode.ShouldBe(0, error);
        error.ShouldContain($"hostnet bench: removed hostnet-bench-{killed.Id}-service-node-a, left by a run that was killed");
        error.ShouldContain($"hostnet-bench-{killed.Id}-kubepods, left by a run that was killed");
        var after = Shell.Snapshot();
        after.Links.ShouldBe(before.Links);
        after.Rules.ShouldBe(before.Rules);
        after.BenchLines().ShouldBe(before.BenchLines());
    }

    [Fact]
    public void Sigterm_MidRun_RemovesEverythingBeforeExiting()
    {
        var before = Shell.Snapshot();
        using var bench = StartBench("--modes", "host-network,pod-vxlan", "--duration", "1s", "--repeat", "20", "--engine", "hostnet");
        WaitForFirstRun(bench);
        LeftoverSweeper.BenchNamespaces().Count(n => BenchNames.OwnerOf(n) == bench.Id).ShouldBe(6);

        Shell.Run("kill", "-TERM", bench.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var error = bench.StandardError.ReadToEnd();
        bench.WaitForExit(Patience).ShouldBeTrue();

        bench.ExitCode.ShouldBe(2);
        error.ShouldEndWith("hostnet bench: interrupted; the namespaces, links, routes, rules and cgroups it made are removed\n");
        LeftoverSweeper.BenchNamespaces().Where(n => BenchNames.OwnerOf(n) == bench.Id).ShouldBeEmpty();
        var after = Shell.Snapshot();
        after.Links.ShouldBe(before.Links);
        after.BenchLines().ShouldBe(before.BenchLines());
    }

    [Fact]
    public void NotRoot_ExitsTwoWithOneLine()
    {
        using var bench = Process.Start(new ProcessStartInfo("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Shell.Hostnet, "bench"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["DOTNET_CLI_HOME"] = "/tmp", ["HOME"] = "/tmp" },
        })!;
        var error = bench.StandardError.ReadToEnd();
        bench.StandardOutput.ReadToEnd().ShouldBeEmpty();
        bench.WaitForExit();

        bench.ExitCode.ShouldBe(2);
        error.ShouldBe("hostnet bench: needs root (it creates network namespaces, veth pairs and iptables rules); run it with sudo\n");
    }

    private static Process StartBench(params string[] arguments) =>
        Process.Start(new ProcessStartInfo(Shell.Hostnet, ["bench", .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true })!;

    // Once the first client runs, every namespace, server and cgroup of the run exists.
    private static void WaitForFirstRun(Process bench)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (bench.StandardError.ReadLine() is { } line)
        {
            if (line.Contains(" run 1/", StringComparison.Ordinal))
            {
                return;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, "the bench did not start its first run");
        }

        throw new ShouldAssertException("the bench ended before its first run");
    }
}
