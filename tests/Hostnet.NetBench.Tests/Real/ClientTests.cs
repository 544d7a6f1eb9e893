using System.Text.Json;
using Hostnet.NetBench.Datapath;
using Hostnet.NetBench.Measurement;
using Hostnet.NetBench.Tests.Support;
using Shouldly;

namespace Hostnet.NetBench.Tests.Real;

/// <summary><c>hostnet bench serve</c> and <c>hostnet bench client</c> as they run between pods: named targets, one row each.</summary>
[Collection(RootNetworkTests.Name)]
public sealed class ClientTests
{
    [Fact]
    public void Client_TwoNamedTargets_ReportsARowForEachWithTheFirstAsBaseline()
    {
        using var lab = DatapathLab.Build([BenchMode.Host], new BenchNames(Environment.ProcessId));
        var plan = lab.Plans[0];
        using var server = new BenchServerProcess(plan.ServerNamespace, []);
        server.ReadyLine.ShouldBe($"{ServerRun.ReadyLine} on 0.0.0.0:{BenchPorts.Hostnet}");

        var report = Shell.InNamespace(plan.ClientNamespace, Shell.Hostnet, "bench", "client",
            "--target", $"first={plan.TargetAddress}", "--target", $"second={plan.TargetAddress}",
            "--duration", "300ms", "--repeat", "2", "--streams", "2", "--engine", "hostnet", "--format", "json");

        using var json = JsonDocument.Parse(report);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("mode").GetString()).ShouldBe(["first", "second"]);
        rows[0].GetProperty("ratioToHost").GetProperty("gbps").GetDouble().ShouldBe(1.0);
        rows.ShouldAllBe(r => r.GetProperty("gbps").GetProperty("min").GetDouble() > 0.01);
        rows.ShouldAllBe(r => r.GetProperty("parallelGbps").GetProperty("median").GetDouble() > 0.01);
        rows.ShouldAllBe(r => r.GetProperty("latencyP50Ms").GetProperty("median").GetDouble() > 0);
        json.RootElement.GetProperty("baseline").GetString().ShouldBe("first");
        json.RootElement.GetProperty("engine").GetString().ShouldBe("hostnet");
        json.RootElement.GetProperty("repeat").GetInt32().ShouldBe(2);
    }
}
