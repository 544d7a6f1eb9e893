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
}
