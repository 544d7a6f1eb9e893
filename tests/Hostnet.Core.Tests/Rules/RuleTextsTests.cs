using System.Text.RegularExpressions;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Rules;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

/// <summary>
/// Every text a rule can print is in its descriptor: each <c>Messages</c> and <c>Fixes</c> text a rule file declares is
/// listed by the descriptor of the rule the file is about and used there beyond that list or by the audit's own checks
/// (<c>Audit/*.cs</c>, which report under the catalogue's rules), and every descriptor says what it prints. What the
/// audit observes in a cluster's state is worded by those texts alone.
/// </summary>
public sealed partial class RuleTextsTests
{
    private static readonly string[] Sources =
    [
        .. Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", "Hostnet.Core", "Rules"), "*.cs", SearchOption.AllDirectories),
        Path.Combine(RepositoryPaths.Root, "src", "Hostnet.Core", "Analysis", "InvalidInput.cs"),
    ];

    private static readonly string[] AuditSources = [.. Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", "Hostnet.Core", "Audit"), "*.cs")];

    /// <summary>The rules whose messages come from the node agents' reports, which the audit passes on with where they were seen.</summary>
    private static readonly string[] AgentRules = ["HN060", "HN061", "HN062", "HN063"];

    public static TheoryData<string> RuleFiles() => [.. Sources.Where(f => DeclaredTexts(File.ReadAllText(f)).Any()).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Descriptors_SayWhatTheyPrint()
    {
        foreach (var rule in RuleCatalog.Descriptors)
        {
            rule.Messages.ShouldNotBeEmpty(rule.Id);
            rule.Messages.Select(t => t.Name).ShouldBeUnique(rule.Id);
            rule.Fixes.Select(t => t.Name).ShouldBeUnique(rule.Id);
        }
    }

    [Fact]
    public void Descriptors_ShareNoText() =>
        RuleCatalog.Descriptors.SelectMany(d => d.Messages.Concat(d.Fixes)).ShouldBeUnique();

    [Fact]
    public void RuleFiles_DeclareTexts() => RuleFiles().Count.ShouldBeGreaterThanOrEqualTo(RuleCatalog.Descriptors.Count);

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void RuleFile_EveryTextIsListedAndUsed(string file)
    {
        var text = File.ReadAllText(Sources.Single(f => Path.GetFileName(f) == file));
        var rule = RuleCatalog.Find(IdPattern().Match(text).Value).ShouldNotBeNull(file + " names no rule ID");
        var auditChecks = string.Concat(AuditSources.Select(File.ReadAllText));
        var ruleClass = Path.GetFileNameWithoutExtension(file);
        foreach (var (kind, name) in DeclaredTexts(text))
        {
            var listed = kind == "Messages" ? rule.Messages : rule.Fixes;
            listed.Select(t => t.Name).ShouldContain(name, $"{file}: {kind}.{name} is not in {rule.Id}'s descriptor");
            var said = Regex.Count(text, $@"\b{kind}\.{name}\b") >= 2 || Regex.IsMatch(auditChecks, $@"\b{ruleClass}\.{kind}\.{name}\b");
            said.ShouldBeTrue($"{file}: {kind}.{name} is listed but never said");
        }
    }

    public static TheoryData<string> AuditFixtures() => [.. AuditFixtureNames()];

    [Theory]
    [MemberData(nameof(AuditFixtures))]
    public void AuditFindings_AreWordedByTheirDescriptors(string fixture)
    {
        var observed = Hostnet.Core.Tests.Audit.AuditFixtures.Audit(fixture).Findings
            .Where(f => f.Observed && !AgentRules.Contains(f.Diagnostic.Rule.Id))
            .Select(f => f.Diagnostic)
            .ToList();
        foreach (var finding in observed)
        {
            finding.Rule.Messages.Any(t => Fills(t, finding.Message)).ShouldBeTrue($"{finding.Rule.Id} says \"{finding.Message}\", which none of its messages reads");
            finding.Rule.Fixes.Any(t => Fills(t, finding.Fix!)).ShouldBeTrue($"{finding.Rule.Id}'s fix \"{finding.Fix}\" is none of its fixes");
        }
    }

    [Fact]
    public void AuditFixtures_ShowObservedFindings()
    {
        var rules = AuditFixtureNames().SelectMany(f => Hostnet.Core.Tests.Audit.AuditFixtures.Audit(f).Findings.Where(d => d.Observed).Select(d => d.Diagnostic.Rule.Id)).ToHashSet();
        rules.ShouldBeSubsetOf(RuleCatalog.Descriptors.Select(d => d.Id));
        rules.Count.ShouldBeGreaterThanOrEqualTo(3, "the audit fixtures show too few observed findings to check their wording");
    }

    [Theory]
    [InlineData("runs on 2 of the 3 nodes it should run on: none on node-c", true)]
    [InlineData("runs on 2 of 3 nodes: none on node-c", false)]
    public void Fills_ReadsATextWithItsPlaceholdersFilled(string message, bool expected) =>
        Fills(Hostnet.Core.Rules.RunTime.DaemonSetMissesNodes.Messages.MissingOnNodes, message).ShouldBe(expected);

    private static string[] AuditFixtureNames() =>
        [.. Directory.EnumerateFiles(Hostnet.Core.Tests.Audit.AuditFixtures.Folder, "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="said"/> is <paramref name="text"/> with its placeholders filled in, whatever with.</summary>
    private static bool Fills(RuleText text, string said) =>
        Regex.IsMatch(said, "^" + Placeholder().Replace(Regex.Escape(text.Format), ".*") + "$", RegexOptions.Singleline);

    /// <summary>The texts a file declares, by the class they are in (<c>Messages</c> or <c>Fixes</c>).</summary>
    private static IEnumerable<(string Kind, string Name)> DeclaredTexts(string source)
    {
        string? kind = null;
        foreach (var line in source.Split('\n'))
        {
            if (TextClass().Match(line) is { Success: true } declaredClass)
            {
                kind = declaredClass.Groups[1].Value;
            }
            else if (kind is not null && TextDeclaration().Match(line) is { Success: true } declaration)
            {
                yield return (kind, declaration.Groups[1].Value);
            }
        }
    }

    [GeneratedRegex(@"\\\{\d+}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"HN\d{3}")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\s*internal static class (Messages|Fixes)\b")]
    private static partial Regex TextClass();

    [GeneratedRegex(@"^\s*public static RuleText (\w+) \{ get; \}")]
    private static partial Regex TextDeclaration();
}
