using System.Text;
using System.Text.RegularExpressions;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Rules;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

/// <summary>
/// Each rule's page (<c>docs/rules/&lt;ID&gt;.md</c>) quotes every text its descriptor holds, messages and fixes, in a
/// section written from the descriptor ("What it prints"), placeholders shown as <c>‹1›</c>, <c>‹2›</c>…: a changed text
/// fails here until its page says it too. <c>UPDATE_GOLDEN=1 dotnet test</c> rewrites the section, as for golden files.
/// </summary>
public sealed partial class RulePageTextsTests
{
    private const string Start = "<!-- texts: written from the rule's descriptor by RulePageTextsTests; UPDATE_GOLDEN=1 rewrites it -->";
    private const string End = "<!-- end of texts -->";

    public static TheoryData<string> RuleIds() => [.. RuleCatalog.Descriptors.Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Page_QuotesEveryText(string id)
    {
        var rule = RuleCatalog.Find(id)!;
        var path = Path.Combine(RepositoryPaths.Root, "docs", "rules", id + ".md");
        var page = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var section = Section(rule);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            page = WithSection(page, section);
            File.WriteAllText(path, page, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        foreach (var text in rule.Messages.Concat(rule.Fixes))
        {
            page.ShouldContain(Quote(text), Case.Sensitive, $"docs/rules/{id}.md does not quote {text.Name}; run UPDATE_GOLDEN=1 dotnet test");
        }

        page.ShouldContain(section, Case.Sensitive, $"docs/rules/{id}.md's texts section is not its descriptor's; run UPDATE_GOLDEN=1 dotnet test");
    }

    [Theory]
    [InlineData("host port {0}/{1}", "`host port ‹1›/‹2›`")]
    [InlineData("add `- operator: Exists` to run on every node", "`` add `- operator: Exists` to run on every node ``")]
    [InlineData(" (the default)", "` (the default)`")]
    public void Quote_ShowsPlaceholdersReadably(string format, string expected) => Quote(new RuleText("Text", format)).ShouldBe(expected);

    /// <summary>The section of a rule's page that quotes its texts.</summary>
    private static string Section(RuleDescriptor rule)
    {
        var section = new StringBuilder();
        section.Append("## What it prints\n").Append(Start).Append('\n');
        section.Append("Every message and fix text of ").Append(rule.Id).Append(", as its descriptor holds them; `‹1›`, `‹2›`… are where a finding's values go, and a text may be a part of a message.\n\n");
        Texts(section, "Messages", rule.Messages);
        Texts(section, "Fixes", rule.Fixes);
        return section.Append(End).Append('\n').ToString();
    }

    private static void Texts(StringBuilder section, string title, IReadOnlyList<RuleText> texts)
    {
        if (texts.Count == 0)
        {
            return;
        }

        section.Append(title).Append(":\n\n");
        foreach (var text in texts)
        {
            section.Append("- ").Append(text.Name).Append(": ").Append(Quote(text)).Append('\n');
        }

        section.Append('\n');
    }

    /// <summary>A text as a code span, its placeholders numbered from 1.</summary>
    private static string Quote(RuleText text)
    {
        var shown = Placeholder().Replace(text.Format, m => "‹" + (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1) + "›");
        return shown.Contains('`', StringComparison.Ordinal) ? "`` " + shown + " ``" : "`" + shown + "`";
    }

    /// <summary>The page with its texts section replaced, or added at its end.</summary>
    private static string WithSection(string page, string section)
    {
        var start = page.IndexOf("## What it prints\n" + Start, StringComparison.Ordinal);
        if (start < 0)
        {
            return page.TrimEnd('\n') + "\n\n" + section;
        }

        var end = page.IndexOf(End, start, StringComparison.Ordinal) + End.Length + 1;
        return page[..start] + section + page[Math.Min(end, page.Length)..];
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
