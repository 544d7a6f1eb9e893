using System.Globalization;
using System.Text.RegularExpressions;
using Hostnet.Core.Loading;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Corpus;

/// <summary>
/// docs/corpus.md judges every finding hostnet reports on the real-world corpus (each file checked on its own, rule
/// defaults): true, false or harmless-here. A finding that appears or disappears, or changes severity, without its row
/// in the verdict table changing fails here, and so does a per-rule precision line that no longer adds up.
/// </summary>
public sealed partial class CorpusVerdictTests
{
    private static readonly string[] Verdicts = ["true", "false", "harmless-here"];

    [Fact]
    public void Findings_OnTheCorpus_EachHaveTheirVerdict()
    {
        var findings = CorpusFindings().ToList();
        var actual = findings.Select(f => f.Key).Order(StringComparer.Ordinal).ToList();
        var judged = VerdictRows().Select(r => r.Key).Order(StringComparer.Ordinal).ToList();

        var unjudged = findings.Where(f => !judged.Contains(f.Key, StringComparer.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        var gone = judged.Except(actual, StringComparer.Ordinal).ToList();
        unjudged.ShouldBeEmpty("findings without a verdict in docs/corpus.md:\n" + string.Join("\n", unjudged.Select(f => $"{f.Key} :: {f.Message}")));
        gone.ShouldBeEmpty("verdicts in docs/corpus.md for findings hostnet no longer reports:\n" + string.Join("\n", gone));
        judged.ShouldBeUnique();
    }

    [Fact]
    public void Verdicts_AreOneOfThreeAndGiveAReason()
    {
        foreach (var row in VerdictRows())
        {
            Verdicts.ShouldContain(row.Verdict, row.Key);
            row.Reason.Length.ShouldBeGreaterThan(10, row.Key);
        }
    }

    [Fact]
    public void PrecisionTable_AddsUpFromTheVerdicts()
    {
        var rows = VerdictRows();
        var expected = rows.GroupBy(r => r.Rule).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Precision(g.Key, g.Count(r => r.Verdict == "true"), g.Count(r => r.Verdict == "harmless-here"), g.Count(r => r.Verdict == "false")))
            .Append(Precision("all", rows.Count(r => r.Verdict == "true"), rows.Count(r => r.Verdict == "harmless-here"), rows.Count(r => r.Verdict == "false")))
            .ToList();

        PrecisionRows().ShouldBe(expected);
    }

    /// <summary>Every finding of every corpus file checked alone, keyed <c>file:line rule severity object</c>.</summary>
    private static IEnumerable<(string Key, string Message)> CorpusFindings()
    {
        foreach (var folder in (string[])["real", "negatives"])
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Corpus, folder), "*", SearchOption.AllDirectories))
            {
                var file = Path.GetRelativePath(RepositoryPaths.Corpus, path).Replace('\\', '/');
                var source = SourceFile.FromBytes(file, File.ReadAllBytes(path), out _)!;
                foreach (var finding in Fixtures.Check([source]).Diagnostics)
                {
                    var subject = finding.Object is { } o ? $"{o.Kind}/{o.Name}" : "-";
                    yield return (Key(file, finding.Position.Line, finding.Rule.Id, finding.Severity.ToString().ToLowerInvariant(), subject), finding.Message);
                }
            }
        }
    }

    private static string Key(string file, int line, string rule, string severity, string subject) =>
        string.Create(CultureInfo.InvariantCulture, $"{file}:{line} {rule} {severity} {subject}");

    private static string Precision(string rule, int truePositives, int harmless, int falsePositives)
    {
        var total = truePositives + harmless + falsePositives;
        return string.Create(CultureInfo.InvariantCulture, $"{rule} {total} {truePositives} {harmless} {falsePositives} {(truePositives + harmless) * 100 / total}% {truePositives * 100 / total}%");
    }

    private static string Doc => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "corpus.md"));

    /// <summary>The rows of the verdict table: <c>| `file` | line | rule | severity | object | verdict | reason |</c>.</summary>
    private static List<VerdictRow> VerdictRows() =>
        [.. VerdictLine().Matches(Doc).Select(m => new VerdictRow(
            Key(m.Groups["file"].Value, int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture), m.Groups["rule"].Value, m.Groups["severity"].Value, m.Groups["object"].Value),
            m.Groups["rule"].Value,
            m.Groups["verdict"].Value,
            m.Groups["reason"].Value.Trim()))];

    /// <summary>
    /// The rows of the precision table: <c>| rule | findings | true | harmless-here | false | correct | worth acting on |</c>
    /// (correct: true or harmless-here; worth acting on: true), percentages rounded down.
    /// </summary>
    private static List<string> PrecisionRows() =>
        [.. PrecisionLine().Matches(Doc).Select(m => $"{m.Groups["rule"].Value} {m.Groups["n"].Value} {m.Groups["t"].Value} {m.Groups["h"].Value} {m.Groups["f"].Value} {m.Groups["c"].Value} {m.Groups["a"].Value}")];

    [GeneratedRegex(@"^\| `(?<file>(?:real|negatives)/[^`]+)` \| (?<line>\d+) \| (?<rule>HN\d{3}) \| (?<severity>error|warning|info) \| (?<object>[^ |]+) \| (?<verdict>[a-z-]+) \| (?<reason>[^|]+) \|$", RegexOptions.Multiline)]
    private static partial Regex VerdictLine();

    [GeneratedRegex(@"^\| \**(?<rule>HN\d{3}|all)\** \| (?<n>\d+) \| (?<t>\d+) \| (?<h>\d+) \| (?<f>\d+) \| (?<c>\d+%) \| (?<a>\d+%) \|$", RegexOptions.Multiline)]
    private static partial Regex PrecisionLine();

    private sealed record VerdictRow(string Key, string Rule, string Verdict, string Reason);
}
