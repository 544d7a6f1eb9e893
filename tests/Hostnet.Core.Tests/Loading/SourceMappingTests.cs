using Hostnet.Core.Documents;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

public sealed class SourceMappingTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(12)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(40)]
    public void Lookup_EveryKeyAtAnySize_FindsItsOwnEntry(int size)
    {
        var entries = Enumerable.Range(0, size)
            .Select(i => new MappingEntry(
                "key" + i,
                new SourcePosition(i + 1, 1),
                ScalarStyle.Plain,
                new SourceScalar(new SourcePosition(i + 1, 7), "value" + i, ScalarStyle.Plain)))
            .ToArray();
        var mapping = new SourceMapping(SourcePosition.Start, entries);

        for (var i = 0; i < size; i++)
        {
            mapping.TryGetEntry("key" + i, out var entry).ShouldBeTrue();
            entry.KeyPosition.Line.ShouldBe(i + 1);
            (mapping["key" + i] as SourceScalar)!.Value.ShouldBe("value" + i);
        }

        mapping.TryGetEntry("key" + size, out _).ShouldBeFalse();
        mapping["missing"].ShouldBeNull();
    }

    [Fact]
    public void ShiftLines_MappingSharedByAlias_MovesItsInlineKeysOnce()
    {
        var shared = new SourceMapping(new SourcePosition(2, 3), [
            new MappingEntry("a", new SourcePosition(2, 3), ScalarStyle.Quoted, new SourceScalar(new SourcePosition(2, 8), "1", ScalarStyle.Plain)),
        ]);
        var root = new SourceMapping(SourcePosition.Start, [
            new MappingEntry("first", new SourcePosition(1, 1), ScalarStyle.Plain, shared),
            new MappingEntry("second", new SourcePosition(5, 1), ScalarStyle.Plain, shared),
        ]);

        SourceNode.ShiftLines([root], 10);

        root.Entries[1].KeyPosition.ShouldBe(new SourcePosition(15, 1));
        shared.Entries[0].KeyPosition.ShouldBe(new SourcePosition(12, 3));
        shared.Entries[0].KeyStyle.ShouldBe(ScalarStyle.Quoted);
        shared.Entries[0].Value.Position.ShouldBe(new SourcePosition(12, 8));
    }

    [Fact]
    public void Entry_ScalarValue_IsKeptInlineAndReadInPlace()
    {
        var entry = new MappingEntry("port", new SourcePosition(3, 5), ScalarStyle.Plain, new SourceScalar(new SourcePosition(3, 11), "8080", ScalarStyle.Quoted));

        entry.TryGetScalar(out var scalar).ShouldBeTrue();
        scalar.Value.ShouldBe("8080");
        scalar.Position.ShouldBe(new SourcePosition(3, 11));
        scalar.Style.ShouldBe(ScalarStyle.Quoted);
        scalar.ScalarKind.ShouldBe(ScalarKind.String);
        entry.ValuePosition.ShouldBe(new SourcePosition(3, 11));

        // Asked for as a node, the scalar is the same text, position and style.
        var node = entry.Value.ShouldBeOfType<SourceScalar>();
        (node.Value, node.Position, node.Style).ShouldBe(("8080", new SourcePosition(3, 11), ScalarStyle.Quoted));
    }

    [Fact]
    public void Entry_CollectionValue_IsItsNode()
    {
        var list = new SourceSequence(new SourcePosition(4, 3), []);
        var entry = new MappingEntry("ports", new SourcePosition(3, 1), ScalarStyle.Plain, list);

        entry.TryGetScalar(out _).ShouldBeFalse();
        entry.Value.ShouldBeSameAs(list);
        entry.ValuePosition.ShouldBe(new SourcePosition(4, 3));
    }

    [Fact]
    public void TryGetScalar_ByKey_FindsOnlyScalarValues()
    {
        var mapping = new SourceMapping(SourcePosition.Start, [
            new MappingEntry("name", new SourcePosition(1, 1), ScalarStyle.Plain, new SourceScalar(new SourcePosition(1, 7), "web", ScalarStyle.Plain)),
            new MappingEntry("labels", new SourcePosition(2, 1), ScalarStyle.Plain, new SourceMapping(new SourcePosition(3, 3), [])),
        ]);

        mapping.TryGetScalar("name", out var name).ShouldBeTrue();
        name.Value.ShouldBe("web");
        mapping.TryGetScalar("labels", out _).ShouldBeFalse();
        mapping.TryGetScalar("missing", out _).ShouldBeFalse();
    }

    [Fact]
    public void ShiftLines_ScalarSharedByAlias_MovesOnceInEveryPlace()
    {
        // An alias of a scalar is copied into each entry and each list item that uses it.
        var shared = new SourceScalar(new SourcePosition(2, 8), "80", ScalarStyle.Plain);
        var list = new SourceSequence(new SourcePosition(4, 3), [shared, shared]);
        var root = new SourceMapping(SourcePosition.Start, [
            new MappingEntry("a", new SourcePosition(2, 1), ScalarStyle.Plain, shared),
            new MappingEntry("b", new SourcePosition(3, 1), ScalarStyle.Plain, shared),
            new MappingEntry("c", new SourcePosition(4, 1), ScalarStyle.Plain, list),
        ]);

        SourceNode.ShiftLines([root], 10);

        root.Entries[0].ValuePosition.ShouldBe(new SourcePosition(12, 8));
        root.Entries[1].ValuePosition.ShouldBe(new SourcePosition(12, 8));
        root.Entries[1].TryGetScalar(out var b).ShouldBeTrue();
        (b.Value, b.Style).ShouldBe(("80", ScalarStyle.Plain));
        list.PositionAt(0).ShouldBe(new SourcePosition(12, 8));
        list.PositionAt(1).ShouldBe(new SourcePosition(12, 8));
        list.Position.ShouldBe(new SourcePosition(14, 3));
    }

    [Theory]
    [InlineData(1, 1, 1, 7)]
    [InlineData(16_777_215, 4_095, 16_777_230, 1_048_575)]
    [InlineData(16_777_216, 3, 16_777_216, 9)]
    [InlineData(2, 4_096, 2, 4_110)]
    [InlineData(2, 5, 18, 1)]
    [InlineData(2, 5, 2, 1_048_576)]
    [InlineData(9, 5, 8, 1)]
    public void Entry_PositionsPackedOrNot_ReadBackExactly(int keyLine, int keyColumn, int valueLine, int valueColumn)
    {
        var key = new SourcePosition(keyLine, keyColumn);
        var value = new SourcePosition(valueLine, valueColumn);
        var entry = new MappingEntry("k", key, ScalarStyle.Quoted, new ScalarView(value, "v", ScalarStyle.Block));
        var list = new SourceSequence(new SourcePosition(valueLine, valueColumn), []);
        var collection = new MappingEntry("k", key, ScalarStyle.Plain, list);

        (entry.KeyPosition, entry.KeyStyle, entry.ValuePosition).ShouldBe((key, ScalarStyle.Quoted, value));
        entry.TryGetScalar(out var scalar).ShouldBeTrue();
        (scalar.Value, scalar.Position, scalar.Style).ShouldBe(("v", value, ScalarStyle.Block));
        (collection.KeyPosition, collection.ValuePosition).ShouldBe((key, value));
        collection.Value.ShouldBeSameAs(list);
        collection.TryGetScalar(out _).ShouldBeFalse();

        var moved = entry.WithInlineShiftedBy(3);
        (moved.KeyPosition, moved.ValuePosition).ShouldBe((key with { Line = keyLine + 3 }, value with { Line = valueLine + 3 }));
        moved.TryGetScalar(out var movedScalar).ShouldBeTrue();
        movedScalar.Style.ShouldBe(ScalarStyle.Block);
    }
}
