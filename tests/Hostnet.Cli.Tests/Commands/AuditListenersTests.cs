using Hostnet.Cli.Tests.Support;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.Commands;

/// <summary><c>hostnet audit --listeners DIR</c> end to end: the agents' reports merged, and bad ones said at their place.</summary>
public sealed class AuditListenersTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private static string Fixture(string name) => Path.Combine(RepositoryPaths.Root, "tests", "Hostnet.Core.Tests", "testdata", "audit", name);

    [Fact]
    public void Listeners_MergesTheAgentsReports()
    {
        var result = _sandbox.Run("audit", "--cluster", Fixture("cluster.yaml"), "--listeners", Fixture("listeners"));

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldBeEmpty();
        result.Output.ShouldContain("Listeners: the agents' reports of 3 nodes (node-1, node-2, node-9)\n");
        result.Output.ShouldContain("9100/TCP            9100/TCP, 9256/TCP undeclared  ");
        result.Output.ShouldContain("error HN062 [host-port-held] Pod/ingress/ingress-nginx-5d4c3b2a1-abcde (observed)");
        result.Output.ShouldEndWith("5 host-network owners: 8 errors, 14 warnings, 3 info (13 observed in the cluster's state)\n");
    }

    [Fact]
    public void Listeners_BadReport_IsSaidAtItsPlace_TheRestIsAudited_ExitTwo()
    {
        _sandbox.Write("agents/node-1.json", File.ReadAllText(Fixture("listeners/node-1.json")));
        _sandbox.Write("agents/node-2.json", "{\"node\": \"node-2\",\n \"listeners\": [{\"protocol\": \"TCP\", \"port\": 80}],\n \"findings\": []}\n");
        _sandbox.Write("agents/notes.txt", "not read: only *.json files are reports\n");

        var result = _sandbox.Run("audit", "--cluster", Fixture("cluster.yaml"), "--listeners", "agents");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldBe("hostnet: agents/node-2.json:2:16: a listener needs \"protocol\", \"address\" and \"port\"; left out\n");
        result.Output.ShouldContain("Listeners: the agents' reports of 2 nodes (node-1, node-2)\n");
        result.Output.ShouldContain("warning HN063 [node-port-range-listener] Node/node-1 (observed)");
    }

    [Theory]
    [InlineData("nowhere", "hostnet: --listeners nowhere: no such directory\n")]
    [InlineData("empty", "hostnet: --listeners empty: no report of hostnet agent --once --format json in it (*.json, one per node)\n")]
    public void Listeners_NoReports_ExitTwoBeforeAuditing(string directory, string error)
    {
        Directory.CreateDirectory(Path.Combine(_sandbox.Root, "empty"));

        var result = _sandbox.Run("audit", "--cluster", Fixture("cluster.yaml"), "--listeners", directory);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldBe(error);
        result.Output.ShouldBeEmpty();
    }
}
