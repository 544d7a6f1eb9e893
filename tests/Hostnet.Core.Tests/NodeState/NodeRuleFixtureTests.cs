using Hostnet.Core.Rules;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.NodeState;

/// <summary>
/// Every fixture under testdata/node/&lt;ID&gt;-&lt;slug&gt;/ (format in <see cref="NodeFixture"/>): the node rules find
/// exactly the <c># expect:</c> lines, and a <c>fail-*</c> fixture expects its folder's rule. Adding a case means adding a file.
/// </summary>
public sealed class NodeRuleFixtureTests
{
    public static TheoryData<string> FixtureFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.TestData, "node"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.TestData, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Fixture_Findings_MatchExpectLines(string fixture)
    {
        var path = Path.Combine(RepositoryPaths.TestData, fixture);
        var text = File.ReadAllText(path);
        var report = NodeFixture.Analyze(text);

        var messages = string.Join("\n", report.Findings.Select(f => $"{NodeFixture.Describe(f)}: {f.Message}"));
        report.Findings.Select(NodeFixture.Describe).Order(StringComparer.Ordinal).ToList().ShouldBe(NodeFixture.Expected(text).ToList(), $"findings in {fixture}:\n{messages}");
        if (Path.GetFileName(path).StartsWith("fail-", StringComparison.Ordinal))
        {
            var rule = Path.GetFileName(Path.GetDirectoryName(path)!)[..5];
            NodeFixture.Expected(text).ShouldContain(e => e.StartsWith(rule, StringComparison.Ordinal), $"{fixture} is a fail fixture without '# expect: {rule} …'");
        }
    }

    [Fact]
    public void Catalogue_EveryNodeRule_HasDocsAndPassAndFailFixtures()
    {
        RuleCatalog.NodeRules.Select(r => r.Descriptor.Id).ShouldBe(["HN060", "HN061", "HN062", "HN063"]);
        foreach (var rule in RuleCatalog.NodeRules.Select(r => r.Descriptor))
        {
            RuleCatalog.Descriptors.ShouldContain(rule);
            File.Exists(Path.Combine(RepositoryPaths.Root, "docs", "rules", rule.Id + ".md")).ShouldBeTrue($"docs/rules/{rule.Id}.md");
            var folder = Path.Combine(RepositoryPaths.TestData, "node", $"{rule.Id}-{rule.Slug}");
            Directory.EnumerateFiles(folder, "fail-*.yaml").ShouldNotBeEmpty($"{rule.Id} has no fail fixture");
            Directory.EnumerateFiles(folder, "pass-*.yaml").ShouldNotBeEmpty($"{rule.Id} has no pass fixture");
        }
    }
}
