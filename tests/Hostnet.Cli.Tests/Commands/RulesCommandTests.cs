using Hostnet.Cli.Tests.Support;
using Hostnet.Core.Rules;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.Commands;

public sealed class RulesCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Rules_Run_ListsEveryCatalogueIdOncePerLine()
    {
        var result = _sandbox.Run("rules");

        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Select(l => l[..5]).ShouldBe(RuleCatalog.Descriptors.Select(d => d.Id));
        lines.ShouldContain(l => l.StartsWith("HN030  host-network-cluster-dns", StringComparison.Ordinal) && l.Contains("warning", StringComparison.Ordinal));
    }
}
