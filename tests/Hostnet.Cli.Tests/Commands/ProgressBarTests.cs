using Hostnet.Cli.Output;
using Hostnet.Kube.Listing;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.Commands;

public sealed class ProgressBarTests
{
    private static readonly ApiResource Pods = new("", "v1", "pods", "Pod");

    [Fact]
    public void Report_Terminal_RedrawsOneLineWithBarWhenTotalIsKnown()
    {
        using var error = new StringWriter();
        var bar = new ProgressBar(error, enabled: true);

        bar.Report(new ListProgress(Pods, 500, 1500));
        bar.Report(new ListProgress(Pods, 2000, null));
        bar.Clear();

        error.ToString().ShouldBe(
            "\r\u001b[Kfetching pods                     [#######.......................] 500/2,000"
            + "\r\u001b[Kfetching pods                     2,000"
            + "\r\u001b[K");
    }

    [Fact]
    public void Report_NotATerminal_WritesNothing()
    {
        using var error = new StringWriter();
        var bar = new ProgressBar(error, enabled: false);

        bar.Report(new ListProgress(Pods, 500, 1500));
        bar.Clear();

        error.ToString().ShouldBeEmpty();
    }
}
