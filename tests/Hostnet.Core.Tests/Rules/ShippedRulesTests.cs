using System.Text.RegularExpressions;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Rules;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

/// <summary>
/// The rule catalogue against what was shipped (<c>docs/rules/SHIPPED.md</c>) and what is documented
/// (<c>docs/rules/&lt;ID&gt;.md</c> and the index <c>docs/rules/README.md</c>): one list of rules, everywhere the same.
/// </summary>
public sealed partial class ShippedRulesTests
{
    private const string Header = "## Release 0.1.0\n\n### New rules\n| ID | Section | Severity | Title |\n|---|---|---|---|\n";

    private static readonly string RulesFolder = Path.Combine(RepositoryPaths.Root, "docs", "rules");

    [Fact]
    public void Shipped_AddsUpToTheCatalogue()
    {
        var text = File.ReadAllText(Path.Combine(RulesFolder, "SHIPPED.md"));
        ShippedRules.Problems(text, RuleCatalog.Descriptors).ShouldBeEmpty();
    }

    [Fact]
    public void Shipped_ReusedId_IsAProblem()
    {
        var text = Header + Row(InvalidDnsPolicyRule) + "\n## Release 0.2.0\n\n### New rules\n" + Row(InvalidDnsPolicyRule);
        ShippedRules.Read(text).Problems.ShouldBe(["line 11: HN001 was already shipped; an ID is never reused"]);
    }

    [Fact]
    public void Shipped_RemovedRulesTable_IsAProblem()
    {
        var text = Header + Row(InvalidDnsPolicyRule) + "\n## Release 0.2.0\n\n### Removed rules\n" + Row(InvalidDnsPolicyRule);
        ShippedRules.Read(text).Problems.ShouldContain("line 10: '### Removed rules' is not a New rules or Changed rules table of a release (IDs are never removed)");
    }

    [Fact]
    public void Shipped_IdMissingFromTheCatalogue_IsAProblem()
    {
        var text = Header + Row(InvalidDnsPolicyRule) + Row(RuleCatalog.Find("HN002")!);
        ShippedRules.Problems(text, [InvalidDnsPolicyRule])
            .ShouldBe(["HN002 was shipped but is no longer in the catalogue; an ID is never removed"]);
    }

    [Fact]
    public void Shipped_ChangedSeverity_NeedsAChangedRulesRow()
    {
        var changed = InvalidDnsPolicyRule with { DefaultSeverity = Severity.Warning };
        ShippedRules.Problems(Header + Row(InvalidDnsPolicyRule), [changed]).ShouldHaveSingleItem().ShouldStartWith("HN001 is shipped as");
        ShippedRules.Problems(Header + Row(InvalidDnsPolicyRule) + "\n## Release 0.2.0\n\n### Changed rules\n" + Row(changed), [changed]).ShouldBeEmpty();
    }

    [Fact]
    public void Shipped_RuleNotRecorded_IsAProblem() =>
        ShippedRules.Problems(Header, [InvalidDnsPolicyRule]).ShouldBe(["HN001 is in the catalogue but not in SHIPPED.md"]);

    [Fact]
    public void DocsPages_AreExactlyTheCatalogue()
    {
        var pages = Directory.EnumerateFiles(RulesFolder, "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name is not ("README" or "SHIPPED"))
            .Order(StringComparer.Ordinal);
        pages.ShouldBe(RuleCatalog.Descriptors.Select(d => d.Id));
    }

    [Fact]
    public void DocsIndex_ListsEveryRuleUnderItsSection()
    {
        string? section = null;
        var listed = new List<string>();
        foreach (var line in File.ReadAllLines(Path.Combine(RulesFolder, "README.md")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line[3..];
            }
            else if (IndexRow().Match(line) is { Success: true } row)
            {
                var rule = RuleCatalog.Find(row.Groups["id"].Value).ShouldNotBeNull(line);
                row.Groups["page"].Value.ShouldBe(rule.Id, line);
                row.Groups["slug"].Value.ShouldBe(rule.Slug, line);
                row.Groups["severity"].Value.ShouldStartWith(rule.DefaultSeverity.ToString().ToLowerInvariant(), Case.Sensitive, line);
                section.ShouldNotBeNull(line).ShouldStartWith(rule.Section.Title(), Case.Sensitive, line);
                listed.Add(rule.Id);
            }
        }

        listed.Order(StringComparer.Ordinal).ShouldBe(RuleCatalog.Descriptors.Select(d => d.Id));
    }

    private static RuleDescriptor InvalidDnsPolicyRule => RuleCatalog.Find("HN001")!;

    private static string Row(RuleDescriptor rule) =>
        $"| {rule.Id} | {rule.Section.Title()} | {rule.DefaultSeverity.ToString().ToLowerInvariant()} | {rule.Title} |\n";

    [GeneratedRegex(@"^\| \[(?<id>HN\d{3})\]\((?<page>HN\d{3})\.md\) \| (?<slug>[a-z0-9-]+) \| (?<severity>[^|]+) \|")]
    private static partial Regex IndexRow();
}
