using System.Text.Json.Nodes;
using Hostnet.Cli.Tests.Support;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.Commands;

public sealed class AuditCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private static string Fixture(string name) => Path.Combine(RepositoryPaths.Root, "tests", "Hostnet.Core.Tests", "testdata", "audit", name);

    [Fact]
    public void Audit_Snapshot_PrintsInventoryAndFindingsAndExitsOne()
    {
        var result = _sandbox.Run("audit", "--cluster", Fixture("cluster.yaml"));

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Output.ShouldContain("3 nodes, 9 pods, 3 namespaces, 4 workloads");
        result.Output.ShouldContain("  monitoring  DaemonSet/node-exporter   1/2 running, 1 pending");
        result.Output.ShouldContain("error HN012 [host-port-conflict] Pod/default/debug-shell (observed)");
        result.Output.ShouldEndWith("5 host-network owners: 7 errors, 8 warnings, 3 info (6 observed in the cluster's state)\n");
    }

    [Fact]
    public void Audit_FailOnNone_ExitsZero()
    {
        _sandbox.Run("audit", "--cluster", Fixture("cluster.yaml"), "--fail-on", "none").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Audit_Healthy_ExitsZeroEvenOnInfo()
    {
        var result = _sandbox.Run("audit", "--cluster", Fixture("healthy.yaml"), "--fail-on", "info");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("Findings\n  none\n");
    }

    [Fact]
    public void Audit_HtmlToFile_WritesThePageAndSaysSo()
    {
        var result = _sandbox.Run("audit", "--cluster", Fixture("cluster.yaml"), "--format", "html", "-o", "out/report.html");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Output.ShouldBeEmpty();
        result.Error.ShouldBe("hostnet: wrote out/report.html: 5 host-network owners: 7 errors, 8 warnings, 3 info (6 observed in the cluster's state)\n");
        _sandbox.Read("out/report.html").ShouldStartWith("<!DOCTYPE html>");
    }

    [Fact]
    public void Audit_Json_MarksObservedFindings()
    {
        var result = _sandbox.Run("audit", "--cluster", Fixture("cluster.yaml"), "--format", "json");

        var json = JsonNode.Parse(result.Output)!;
        json["summary"]!["observed"]!.GetValue<int>().ShouldBe(6);
        json["findings"]!.AsArray().Count(f => f!["observed"]!.GetValue<bool>()).ShouldBe(6);
        json["inventory"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ShouldBe(["debug-shell", "metrics-proxy", "ingress-nginx", "log-shipper", "node-exporter"]);
    }

    [Fact]
    public void Audit_MalformedSnapshot_ExitsTwoWithPosition()
    {
        _sandbox.Write("bad.json", "{\"kind\": \"List\", \"items\": [\n  {\"kind\": \"Pod\",, }]}");

        var result = _sandbox.Run("audit", "--cluster", "bad.json");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldStartWith("hostnet: bad.json:2:18: malformed JSON");
        result.Output.ShouldBeEmpty();
    }

    [Fact]
    public void Audit_MissingSnapshot_ExitsTwo()
    {
        var result = _sandbox.Run("audit", "--cluster", "nope.json");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldBe("hostnet: nope.json: cannot read the cluster snapshot: no such file or directory\n");
    }
}
