using Hostnet.Core.Semantics;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics;

public sealed class SpellingTests
{
    [Fact]
    public void IsOneEdit_EveryPairOfShortStrings_AgreesWithLevenshteinDistance()
    {
        var words = new List<string> { string.Empty };
        for (var length = 1; length <= 4; length++)
        {
            words.AddRange(words.Where(w => w.Length == length - 1).SelectMany(w => new[] { w + "a", w + "b", w + "c" }).ToList());
        }

        foreach (var a in words)
        {
            foreach (var b in words)
            {
                Spelling.IsOneEdit(a, b).ShouldBe(Spelling.Distance(a, b) == 1, $"{a} / {b}");
            }
        }
    }

    [Theory]
    [InlineData("frontend", "fronted", true)]
    [InlineData("frontend", "frontent", true)]
    [InlineData("frontend", "frontends", true)]
    [InlineData("frontend", "frotnend", false)]
    [InlineData("frontend", "frontend", false)]
    public void IsOneEdit_Words_AsLevenshtein(string a, string b, bool expected) => Spelling.IsOneEdit(a, b).ShouldBe(expected);
}
