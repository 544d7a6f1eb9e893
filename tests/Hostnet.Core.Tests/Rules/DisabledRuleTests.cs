using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Loading;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

public sealed class DisabledRuleTests
{
    private static readonly RuleDescriptor Counted = new("HN999", "counted", "A rule that counts its runs", Severity.Warning, RuleSection.WillNotRun);

    private const string Pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers: [{name: c, image: i}]\n";

    [Theory]
    [InlineData(null, 1)]
    [InlineData(RuleLevel.Warning, 1)]
    [InlineData(RuleLevel.Off, 0)]
    public void Check_RuleSetOff_IsNotRunAtAll(RuleLevel? level, int runs)
    {
        var rule = new CountingRule();
        var options = AnalysisOptions.Default with
        {
            RuleLevels = level is { } set ? new Dictionary<string, RuleLevel> { [Counted.Id] = set } : new Dictionary<string, RuleLevel>(),
        };
        var checker = new ManifestChecker(options, [rule]);

        var report = checker.Check([new ManifestLoader().Load(new SourceFile("a.yaml", Pod))]);
        checker.CheckObjects([]);

        rule.Runs.ShouldBe(2 * runs);
        report.Diagnostics.Count(d => d.Rule == Counted).ShouldBe(runs);
    }

    /// <summary>Counts its runs and reports one finding per object, so a run that happened is visible either way.</summary>
    private sealed class CountingRule : IRule
    {
        public int Runs { get; private set; }

        public RuleDescriptor Descriptor => Counted;

        public void Check(AnalysisContext context)
        {
            Runs++;
            foreach (var subject in context.Objects)
            {
                context.Report(Counted, subject, null, "counted");
            }
        }
    }
}
