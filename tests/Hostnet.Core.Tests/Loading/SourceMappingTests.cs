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
}
