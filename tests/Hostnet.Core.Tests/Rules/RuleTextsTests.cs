using System.Text.RegularExpressions;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Rules;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

/// <summary>
/// Every text a rule can print is in its descriptor: each <c>Messages</c> and <c>Fixes</c> text a rule file declares is
/// listed by the descriptor of the rule the file is about and used there beyond that list, and every descriptor says
/// what it prints.
/// </summary>
public sealed partial class RuleTextsTests
{
    private static readonly string[] Sources =
    [
        .. Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", "Hostnet.Core", "Rules"), "*.cs", SearchOption.AllDirectories),
        Path.Combine(RepositoryPaths.Root, "src", "Hostnet.Core", "Analysis", "InvalidInput.cs"),
    ];

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
        foreach (var (kind, name) in DeclaredTexts(text))
        {
            var listed = kind == "Messages" ? rule.Messages : rule.Fixes;
            listed.Select(t => t.Name).ShouldContain(name, $"{file}: {kind}.{name} is not in {rule.Id}'s descriptor");
            Regex.Count(text, $@"\b{kind}\.{name}\b").ShouldBeGreaterThanOrEqualTo(2, $"{file}: {kind}.{name} is listed but never said");
        }
    }

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

    [GeneratedRegex(@"HN\d{3}")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\s*internal static class (Messages|Fixes)\b")]
    private static partial Regex TextClass();

    [GeneratedRegex(@"^\s*public static RuleText (\w+) \{ get; \}")]
    private static partial Regex TextDeclaration();
}
