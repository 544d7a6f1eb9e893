using Hostnet.Core.Editing;
using Hostnet.Core.Loading;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Fixing;

/// <summary>
/// <c>hostnet fix</c> over every file of <c>examples/</c> and of tests/corpus/real, as golden unified diffs
/// (<c>testdata/golden/fix/</c>; an unchanged file has an empty one). The result must load, have none of the findings
/// that were fixed, change nothing on a second run, and touch only lines that hold a field it rewrote or removed.
/// </summary>
public sealed class FixGoldenTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "examples"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add("examples/" + Path.GetFileName(file));
        }

        var corpus = Path.Combine(RepositoryPaths.Corpus, "real");
        foreach (var file in Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add("corpus/real/" + Path.GetRelativePath(corpus, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Fix_Input_MatchesGoldenDiffAndRechecksClean(string name)
    {
        var text = Read(name);

        var result = FixRun.Fix(text, name);
        var diff = UnifiedDiff.Create(text, result.Text, "a/" + name, "b/" + name);

        Golden.Assert("fix/" + name + ".diff", diff);
        var reloaded = new ManifestLoader().Load(new SourceFile(name, result.Text));
        reloaded.Problems.ShouldBeEmpty();
        reloaded.Documents.Count.ShouldBe(new ManifestLoader().Load(new SourceFile(name, text)).Documents.Count);
        var fixedRules = result.Applied.Select(e => e.RuleId).ToHashSet(StringComparer.Ordinal);
        Fixtures.Check(result.Text, name).Diagnostics.Where(d => fixedRules.Contains(d.Rule.Id)).ShouldBeEmpty();
        FixRun.Fix(result.Text, name).Changed.ShouldBeFalse();
        var rewritten = result.Applied.Where(e => e is SetField or RemoveField).Select(e => FieldPaths.Steps(e.TargetPath)[^1]).ToList();
        foreach (var removed in diff.Split('\n').Where(line => line.StartsWith('-') && !line.StartsWith("---", StringComparison.Ordinal)))
        {
            rewritten.ShouldContain(key => removed.Contains(key, StringComparison.Ordinal), $"the diff removes a line no edit needed: {removed}");
        }
    }

    private static string Read(string name) => name.StartsWith("examples/", StringComparison.Ordinal)
        ? File.ReadAllText(Path.Combine(RepositoryPaths.Root, name))
        : File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, name["corpus/".Length..]));
}
