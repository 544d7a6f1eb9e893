using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

public sealed class SourceSequenceTests
{
    [Fact]
    public void TryGetScalar_ScalarItem_ReadsTextPositionAndStyleInPlace()
    {
        var sequence = new SourceSequence(new SourcePosition(2, 3), [
            new SourceScalar(new SourcePosition(2, 5), "--v=2", ScalarStyle.Plain),
            new SourceScalar(new SourcePosition(3, 5), "8080", ScalarStyle.Quoted),
        ]);

        sequence.Count.ShouldBe(2);
        sequence.TryGetScalar(1, out var item).ShouldBeTrue();
        (item.Value, item.Position, item.Style).ShouldBe(("8080", new SourcePosition(3, 5), ScalarStyle.Quoted));
        item.ScalarKind.ShouldBe(ScalarKind.String);
        sequence.CollectionAt(0).ShouldBeNull();
        sequence.PositionAt(0).ShouldBe(new SourcePosition(2, 5));
    }

    [Fact]
    public void Items_ScalarItem_IsMadeAnewWithTheSameTextPositionAndStyle()
    {
        var sequence = new SourceSequence(SourcePosition.Start, [new SourceScalar(new SourcePosition(1, 3), "ALL", ScalarStyle.Plain)]);

        var first = sequence.Items[0].ShouldBeOfType<SourceScalar>();
        (first.Value, first.Position, first.Style).ShouldBe(("ALL", new SourcePosition(1, 3), ScalarStyle.Plain));
        sequence[0].ShouldNotBeSameAs(first);
        sequence[0].ShouldBeOfType<SourceScalar>().Value.ShouldBe("ALL");
    }

    [Fact]
    public void Items_CollectionsOnly_AreTheNodesGiven()
    {
        var container = new SourceMapping(new SourcePosition(2, 5), []);
        var sequence = new SourceSequence(new SourcePosition(2, 3), [container]);

        sequence.TryGetScalar(0, out _).ShouldBeFalse();
        sequence.CollectionAt(0).ShouldBeSameAs(container);
        sequence[0].ShouldBeSameAs(container);
        sequence.Items.ShouldBe([container]);
        sequence.PositionAt(0).ShouldBe(new SourcePosition(2, 5));
    }

    [Fact]
    public void Items_Mixed_KeepOrderKindAndPosition()
    {
        var mapping = new SourceMapping(new SourcePosition(3, 5), []);
        var sequence = new SourceSequence(SourcePosition.Start, [new SourceScalar(new SourcePosition(2, 5), "a", ScalarStyle.Plain), mapping]);

        sequence.TryGetScalar(0, out var a).ShouldBeTrue();
        a.Value.ShouldBe("a");
        sequence.TryGetScalar(1, out _).ShouldBeFalse();
        sequence.CollectionAt(1).ShouldBeSameAs(mapping);
        sequence.Items[1].ShouldBeSameAs(mapping);
        sequence.PositionAt(1).ShouldBe(new SourcePosition(3, 5));
    }

    [Fact]
    public void TryGetScalar_OutOfRange_Throws()
    {
        var sequence = new SourceSequence(SourcePosition.Start, [new SourceMapping(new SourcePosition(2, 5), [])]);

        Should.Throw<ArgumentOutOfRangeException>(() => sequence.TryGetScalar(1, out _));
    }

    [Fact]
    public void ShiftLines_ScalarAndCollectionItems_MoveWithTheirSequence()
    {
        var nested = new SourceMapping(new SourcePosition(3, 5), []);
        var sequence = new SourceSequence(new SourcePosition(2, 3), [new SourceScalar(new SourcePosition(2, 5), "x", ScalarStyle.Block), nested]);

        SourceNode.ShiftLines([sequence], 5);

        sequence.Position.ShouldBe(new SourcePosition(7, 3));
        sequence.TryGetScalar(0, out var x).ShouldBeTrue();
        (x.Position, x.Style).ShouldBe((new SourcePosition(7, 5), ScalarStyle.Block));
        nested.Position.ShouldBe(new SourcePosition(8, 5));
    }

    [Theory]
    [InlineData("args:\n- --v=2\n- \"8080\"\n- |\n  text\n- [a, b]\n- k: v\n-\n", 3)]
    [InlineData("args: [--v=2, '8080', c]\n", 8)]
    public void Build_ScalarItems_KeptInlineByBothTreeBuilders(string text, int firstColumn)
    {
        BlockYamlParser.TryBuild(new DocumentChunk(text), LoaderLimits.Default, new StringPool(), out var fast).ShouldBeTrue();
        var general = new NodeBuilder(new YamlDotNet.Core.Parser(new StringReader(text)), 1, LoaderLimits.Default, new StringPool()).ReadDocuments().Single();

        foreach (var root in new[] { fast!, general })
        {
            var args = ((SourceMapping)root).TryGetEntry("args", out var entry) ? entry.Value.ShouldBeOfType<SourceSequence>() : null;

            args!.TryGetScalar(0, out var first).ShouldBeTrue();
            (first.Value, first.Position, first.Style).ShouldBe(("--v=2", new SourcePosition(args.Position.Line, firstColumn), ScalarStyle.Plain));
            args.TryGetScalar(1, out var second).ShouldBeTrue();
            (second.Value, second.Style).ShouldBe(("8080", ScalarStyle.Quoted));
        }
    }
}
