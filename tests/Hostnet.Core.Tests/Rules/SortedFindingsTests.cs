using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Documents;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

/// <summary>
/// The order every report prints findings in: by file, line, column, rule and message, ties in input order. A few
/// findings (one object's, an admission review's) are sorted without LINQ, more with it: both must give that order.
/// </summary>
public sealed class SortedFindingsTests
{
    private static readonly RuleDescriptor HN010 = new("HN010", "a", "A", Severity.Warning, RuleSection.Dns);
    private static readonly RuleDescriptor HN002 = new("HN002", "b", "B", Severity.Warning, RuleSection.Dns);

    /// <summary>In report order; the last two differ only in their fix, which is no key: only the input order tells them apart.</summary>
    private static readonly Diagnostic[] InOrder =
    [
        Finding("a.yaml", 3, 1, HN010, "m"),
        Finding("a.yaml", 3, 7, HN002, "m"),
        Finding("a.yaml", 3, 7, HN010, "a"),
        Finding("a.yaml", 3, 7, HN010, "b"),
        Finding("a.yaml", 12, 1, HN002, "m"),
        Finding("b.yaml", 1, 1, HN002, "m", fix: "first"),
        Finding("b.yaml", 1, 1, HN002, "m", fix: "second"),
    ];

    [Fact]
    public void Sorted_FewFindings_ByFilePositionRuleMessage_TiesInInputOrder()
    {
        Diagnostic[] shuffled = [InOrder[4], InOrder[6], InOrder[3], InOrder[0], InOrder[5], InOrder[2], InOrder[1]];

        var sorted = ManifestChecker.Sorted(shuffled);

        // The two findings equal in every key come in the order they were given ("second" first).
        sorted.ShouldBe([InOrder[0], InOrder[1], InOrder[2], InOrder[3], InOrder[4], InOrder[6], InOrder[5]]);
    }

    [Fact]
    public void Sorted_ManyFindings_GivesTheOrderOfTheFew()
    {
        // Five copies of each in reverse: more than the few sorted without LINQ.
        var many = Enumerable.Range(0, 5).SelectMany(copy => InOrder.Reverse().Select(d => d with { Fix = d.Fix + copy })).ToArray();

        var sorted = ManifestChecker.Sorted(many);

        sorted.Select(d => (d.File, d.Position, d.Rule.Id, d.Message)).ShouldBe(
            InOrder.SelectMany(d => Enumerable.Repeat((d.File, d.Position, d.Rule.Id, d.Message), 5)));
        // Equal keys keep their input order: copy 0 of the "second" finding came before copy 0 of the "first".
        sorted.Where(d => d.File == "b.yaml").Select(d => d.Fix).ShouldBe(["second0", "first0", "second1", "first1", "second2", "first2", "second3", "first3", "second4", "first4"]);
    }

    private static Diagnostic Finding(string file, int line, int column, RuleDescriptor rule, string message, string? fix = null) =>
        new(rule, Severity.Warning, message, fix, file, new SourcePosition(line, column), null, null);
}
