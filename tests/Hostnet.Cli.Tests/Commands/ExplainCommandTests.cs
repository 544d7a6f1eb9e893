using Hostnet.Cli.Tests.Support;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.Commands;

public sealed class ExplainCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Theory]
    [InlineData("HN030")]
    [InlineData("hn030")]
    [InlineData("host-network-cluster-dns")]
    public void Explain_KnownRule_PrintsItsDocumentationPage(string rule)
    {
        var result = _sandbox.Run("explain", rule);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldBe(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "rules", "HN030.md")));
    }

    [Fact]
    public void Explain_UnknownRule_Exits2()
    {
        var result = _sandbox.Run("explain", "HN999");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Output.ShouldBeEmpty();
        result.Error.ShouldBe("hostnet: unknown rule 'HN999' (see hostnet rules)\n");
    }
}
