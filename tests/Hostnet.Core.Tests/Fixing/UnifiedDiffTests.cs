using Hostnet.Core.Editing;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Fixing;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void Create_EqualTexts_IsEmpty() => UnifiedDiff.Create("a\n", "a\n", "a", "b").ShouldBeEmpty();

    [Fact]
    public void Create_DistantChanges_MakeSeparateHunksWithThreeLinesOfContext()
    {
        var old = string.Concat(Enumerable.Range(1, 20).Select(i => $"{i}\n"));
        var @new = old.Replace("\n2\n", "\ntwo\n", StringComparison.Ordinal).Replace("18\n", "18\nnew\n", StringComparison.Ordinal);

        UnifiedDiff.Create(old, @new, "a/f", "b/f").ShouldBe("""
            --- a/f
            +++ b/f
            @@ -1,5 +1,5 @@
             1
            -2
            +two
             3
             4
             5
            @@ -16,5 +16,6 @@
             16
             17
             18
            +new
             19
             20

            """);
    }

    [Fact]
    public void Create_InsertionIntoEmptyText_CountsFromZero() =>
        UnifiedDiff.Create(string.Empty, "x\n", "a", "b").ShouldBe("--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n");

    [Fact]
    public void Create_CrlfLines_KeepTheirCarriageReturns() =>
        UnifiedDiff.Create("a\r\nb\r\n", "a\r\nc\r\n", "a", "b").ShouldBe("--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n");
}
