using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

public sealed class ManifestLoaderTests
{
    private static LoadResult Load(string text) => new ManifestLoader().Load(new SourceFile("in.yaml", text));

    [Fact]
    public void Load_MultiDocumentStream_ReturnsEachObjectWithPositions()
    {
        var result = Load("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n");
        result.Problems.ShouldBeEmpty();
        result.Documents.Select(d => d.Kind).ShouldBe(["Pod", "Service"]);
        result.Documents[1].KindPosition.ShouldBe(new SourcePosition(7, 1));
    }

    [Fact]
    public void Load_ListObject_ExpandsItems()
    {
        var result = Load("""{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"}},{"apiVersion":"v1","kind":"Node","metadata":{"name":"n"}}]}""");
        result.Documents.Select(d => d.Kind).ShouldBe(["Pod", "Node"]);
    }

    [Fact]
    public void Load_SyntaxErrorInOneDocument_KeepsTheOthers()
    {
        var result = Load("apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Pod\n  bad: [\n---\napiVersion: v1\nkind: Service\n");
        result.Documents.Select(d => d.Kind).ShouldBe(["Pod", "Service"]);
        result.Problems.Count.ShouldBe(1);
        result.Problems[0].Position.Line.ShouldBeInRange(4, 7);
    }

    [Fact]
    public void Load_DuplicateKey_ReportsBothPositions()
    {
        var result = Load("apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: true\n  hostNetwork: false\n");
        result.Problems.ShouldHaveSingleItem().Message.ShouldBe("key \"hostNetwork\" already set in map (first at line 4, column 3)");
        result.Problems[0].Position.ShouldBe(new SourcePosition(5, 3));
    }

    [Fact]
    public void Load_AliasBomb_IsRejectedQuickly()
    {
        var lines = new List<string> { "a: &a [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 12; i++)
        {
            var previous = (char)('a' + i - 1);
            var name = (char)('a' + i);
            lines.Add($"{name}: &{name} [{string.Join(", ", Enumerable.Repeat("*" + previous, 10))}]");
        }

        var result = Load(string.Join('\n', lines));
        result.Problems.ShouldHaveSingleItem().Message.ShouldContain("alias bomb");
    }

    [Fact]
    public void Load_DeepNesting_IsRejected()
    {
        var text = "a: " + new string('[', 10_000) + new string(']', 10_000);
        var result = Load(text);
        result.Problems.ShouldHaveSingleItem().Message.ShouldContain("nesting is deeper than");
    }

    [Fact]
    public void Load_DocumentWithoutKind_IsSkipped()
    {
        var result = Load("replicaCount: 3\nimage:\n  tag: 1.0\n");
        result.Documents.ShouldBeEmpty();
        result.Problems.ShouldBeEmpty();
        result.Skipped.ShouldHaveSingleItem();
    }

    [Fact]
    public void FromBytes_NulByte_IsBinaryData()
    {
        SourceFile.FromBytes("x.yaml", "a: b\nc\0"u8, out var problem).ShouldBeNull();
        problem.ShouldNotBeNull().Position.ShouldBe(new SourcePosition(2, 2));
    }

    [Fact]
    public void Load_MergeKey_AppliesBaseEntries()
    {
        var result = Load("apiVersion: v1\nkind: Pod\nbase: &b {x: 1, y: 2}\nspec:\n  <<: *b\n  y: 3\n");
        var spec = (SourceMapping)result.Documents[0].Root["spec"]!;
        ((SourceScalar)spec["x"]!).Value.ShouldBe("1");
        ((SourceScalar)spec["y"]!).Value.ShouldBe("3");
    }

    [Fact]
    public void Load_UnterminatedFlowCollection_SaysSoWithoutDotnetText()
    {
        var result = Load("apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  labels: {app: [broken\n");
        result.Documents.Count.ShouldBe(1);
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Message.ShouldStartWith("YAML syntax error: ");
        problem.Message.ShouldNotContain("current state of the object");
    }
}
