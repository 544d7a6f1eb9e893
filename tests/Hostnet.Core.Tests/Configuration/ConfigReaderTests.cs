using Hostnet.Core.Analysis;
using Hostnet.Core.Configuration;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Configuration;

public sealed class ConfigReaderTests
{
    private static (HostnetConfig Config, List<InputProblem> Problems) Read(string text)
    {
        var problems = new List<InputProblem>();
        return (ConfigReader.Read(new SourceFile(".hostnet.yaml", text), problems), problems);
    }

    [Fact]
    public void Read_FullFile_YieldsEverySetting()
    {
        var (config, problems) = Read("""
            kubeVersion: "1.30"
            defaultNamespace: apps
            rules:
              HN001: off
              host-network-cluster-dns: error
            reservedPorts:
              - {port: 9100, owner: node-exporter}
              - {port: "7000-7100", protocol: udp, severity: error}
            """);
        problems.ShouldBeEmpty();
        config.KubeVersion.ShouldBe(new KubeVersion(1, 30));
        config.DefaultNamespace.ShouldBe("apps");
        config.Rules.ShouldBe(new Dictionary<string, RuleLevel> { ["HN001"] = RuleLevel.Off, ["HN030"] = RuleLevel.Error }, ignoreOrder: true);
        config.ReservedPorts.Count.ShouldBe(2);
        config.ReservedPorts[1].ShouldBe(new Hostnet.Core.Semantics.NodeReservedPort(7000, 7100, "UDP", "reserved in .hostnet.yaml", Severity.Error));
    }

    [Theory]
    [InlineData("rules:\n  HN999: off\n", 2, 3, "unknown rule \"HN999\" (see hostnet rules)")]
    [InlineData("rules:\n  HN030: loud\n", 2, 10, "the level of HN030 must be off, info, warning or error")]
    [InlineData("rules:\n  HN000: off\n", 2, 3, "HN000 reports unreadable input and cannot be configured")]
    [InlineData("kubeVersion: two\n", 1, 14, "kubeVersion must look like \"1.30\"")]
    [InlineData("colour: red\n", 1, 1, "unknown configuration key \"colour\" (known: kubeVersion, defaultNamespace, rules, reservedPorts)")]
    [InlineData("reservedPorts:\n  - {port: 70000}\n", 2, 5, "each reserved port needs port: N or port: \"FROM-TO\" (1-65535)")]
    public void Read_BadSetting_IsAPositionedProblem(string text, int line, int column, string message)
    {
        var problem = Read(text).Problems.ShouldHaveSingleItem();
        problem.Position.ShouldBe(new SourcePosition(line, column));
        problem.Message.ShouldBe(message);
    }

    [Fact]
    public void RuleLevelOff_RemovesTheRulesFindings()
    {
        var options = Read("rules: {HN030: off}").Config.ApplyTo(AnalysisOptions.Default);
        var report = Support.Fixtures.Check("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  hostNetwork: true\n  containers: [{name: a, image: a}]\n", options: options);
        report.Diagnostics.ShouldNotContain(d => d.Rule.Id == "HN030");
    }
}
