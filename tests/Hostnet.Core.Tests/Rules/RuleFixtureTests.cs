using Hostnet.Core.Rules;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

/// <summary>
/// Every fixture under testdata/rules/&lt;ID&gt;-&lt;slug&gt;/: the folder's rule fires exactly on the lines marked
/// <c># expect: ID</c> (none in <c>pass-*</c> files), and other rules marked on a line fire there too. A fixture with a
/// sibling <c>&lt;name&gt;.cluster.yaml</c> is checked against that snapshot, as <c>check --cluster</c> does.
/// Adding a case means adding a file.
/// </summary>
public sealed class RuleFixtureTests
{
    private const string ClusterSuffix = ".cluster.yaml";

    public static TheoryData<string> FixtureFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.TestData, "rules"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(ClusterSuffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.TestData, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Fixture_Findings_MatchExpectMarkers(string fixture)
    {
        var path = Path.Combine(RepositoryPaths.TestData, fixture);
        var text = File.ReadAllText(path);
        var rule = Path.GetFileName(Path.GetDirectoryName(path)!)[..5];
        var expected = Expectations.Read(text);
        var snapshot = Path.ChangeExtension(path, null) + ClusterSuffix;
        var report = Fixtures.Check(text, cluster: File.Exists(snapshot) ? Fixtures.Cluster(File.ReadAllText(snapshot), Path.GetFileName(snapshot)) : null);
        var actual = report.Diagnostics.Select(d => (d.Position.Line, Rule: d.Rule.Id)).ToList();

        var ownExpected = expected.Where(e => e.Rule == rule).Order().ToList();
        var ownActual = actual.Where(a => a.Rule == rule).Order().ToList();
        var messages = string.Join("\n", report.Diagnostics.Select(d => $"{d.Position} {d.Rule.Id} {d.Message}"));
        ownActual.ShouldBe(ownExpected, $"findings of {rule} in {fixture}:\n{messages}");
        foreach (var other in expected.Where(e => e.Rule != rule))
        {
            actual.ShouldContain(other, $"{fixture} expects {other.Rule} on line {other.Line}:\n{messages}");
        }

        if (Path.GetFileName(path).StartsWith("fail-", StringComparison.Ordinal))
        {
            ownExpected.ShouldNotBeEmpty($"{fixture} is a fail fixture without '# expect: {rule}'");
        }
    }

    [Fact]
    public void Catalogue_EveryRule_HasDocsAndPassAndFailFixtures()
    {
        foreach (var rule in RuleCatalog.Rules.Select(r => r.Descriptor))
        {
            File.Exists(Path.Combine(RepositoryPaths.Root, "docs", "rules", rule.Id + ".md")).ShouldBeTrue($"docs/rules/{rule.Id}.md");
            var folder = Path.Combine(RepositoryPaths.TestData, "rules", $"{rule.Id}-{rule.Slug}");
            Directory.Exists(folder).ShouldBeTrue(folder);
            Directory.EnumerateFiles(folder, "fail-*.yaml").ShouldNotBeEmpty($"{rule.Id} has no fail fixture");
            Directory.EnumerateFiles(folder, "pass-*.yaml").ShouldNotBeEmpty($"{rule.Id} has no pass fixture");
        }
    }

    [Fact]
    public void Catalogue_Ids_AreUniqueAndMatchTheirSlugs()
    {
        RuleCatalog.Descriptors.Select(d => d.Id).ShouldBeUnique();
        RuleCatalog.Descriptors.Select(d => d.Slug).ShouldBeUnique();
        RuleCatalog.Descriptors.ShouldAllBe(d => System.Text.RegularExpressions.Regex.IsMatch(d.Id, "^HN0[0-9]{2}$"));
    }
}
