using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Core.Reporting;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Reporting;

public sealed class GithubReportWriterTests
{
    private static readonly RuleDescriptor Rule = new("HN030", "host-network-cluster-dns", "title", Severity.Warning, RuleSection.Dns);

    [Theory]
    [InlineData(Severity.Error, "::error ")]
    [InlineData(Severity.Warning, "::warning ")]
    [InlineData(Severity.Info, "::notice ")]
    public void Command_Severity_PicksTheWorkflowCommand(Severity severity, string start)
    {
        GithubReportWriter.Command(Finding(severity, "deploy/a.yaml")).ShouldStartWith(start);
    }

    [Fact]
    public void Command_File_GivesFileLineColumnAndTitle()
    {
        GithubReportWriter.Command(Finding(Severity.Warning, "deploy/a.yaml"))
            .ShouldBe("::warning file=deploy/a.yaml,line=9,col=18,title=HN030 host-network-cluster-dns::dnsPolicy is ClusterFirst: names fail, 100%25 sure. Fix: set dnsPolicy: ClusterFirstWithHostNet");
    }

    [Fact]
    public void Command_SpecialCharacters_AreEscapedAsTheToolkitDoes()
    {
        var finding = Finding(Severity.Error, "odd, name:1.yaml") with { Message = "line one\r\nline two 50%" };

        GithubReportWriter.Command(finding)
            .ShouldBe("::error file=odd%2C name%3A1.yaml,line=9,col=18,title=HN030 host-network-cluster-dns::line one%0D%0Aline two 50%25. Fix: set dnsPolicy: ClusterFirstWithHostNet");
    }

    [Fact]
    public void Command_StandardInput_PutsThePositionInTheMessage()
    {
        GithubReportWriter.Command(Finding(Severity.Warning, "-") with { Fix = null })
            .ShouldBe("::warning title=HN030 host-network-cluster-dns::stdin:9:18: dnsPolicy is ClusterFirst: names fail, 100%25 sure");
    }

    [Fact]
    public void Write_Report_SkipsSuppressedAndEndsWithTheSummary()
    {
        var report = new Analysis.CheckReport(
            [Finding(Severity.Warning, "a.yaml"), Finding(Severity.Warning, "b.yaml") with { Suppression = "on purpose" }, InvalidInput.From(new InputProblem("c.yaml", new SourcePosition(2, 3), "bad"))],
            Files: 3,
            Objects: 2,
            Skipped: []);
        using var output = new StringWriter();

        new GithubReportWriter().Write(report, ReportSources.None, output);

        output.ToString().ShouldBe(
            "::warning file=a.yaml,line=9,col=18,title=HN030 host-network-cluster-dns::dnsPolicy is ClusterFirst: names fail, 100%25 sure. Fix: set dnsPolicy: ClusterFirstWithHostNet\n"
            + "::error file=c.yaml,line=2,col=3,title=HN000 invalid-input::bad\n"
            + "3 files, 2 objects: 1 error, 1 warning, 0 info (1 suppressed)\n");
    }

    private static Diagnostic Finding(Severity severity, string file) => new(
        Rule,
        severity,
        "dnsPolicy is ClusterFirst: names fail, 100% sure",
        "set dnsPolicy: ClusterFirstWithHostNet",
        file,
        new SourcePosition(9, 18),
        new ObjectReference("Pod", "ops", "agent"),
        "spec.dnsPolicy");
}
