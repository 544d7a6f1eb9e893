using Hostnet.NetBench.Results;
using Shouldly;

namespace Hostnet.NetBench.Tests;

public sealed class StatisticsTests
{
    [Theory]
    [InlineData(new[] { 3.0 }, 3.0, 3.0, 3.0)]
    [InlineData(new[] { 5.0, 1.0, 3.0 }, 3.0, 1.0, 5.0)]
    [InlineData(new[] { 4.0, 1.0, 2.0, 9.0 }, 3.0, 1.0, 9.0)]
    public void SpreadOf_Values_MedianAndRange(double[] values, double median, double min, double max) =>
        Spread.Of(values).ShouldBe(new Spread(median, min, max));

    [Fact]
    public void SpreadOf_NoValues_Throws() => Should.Throw<ArgumentException>(() => Spread.Of([]));

    [Theory]
    [InlineData(1, 2, 2, 3, true)]
    [InlineData(1, 2, 2.5, 3, false)]
    [InlineData(2, 4, 1, 5, true)]
    public void Overlaps_Ranges_TrueWhenTheyShareAValue(double min1, double max1, double min2, double max2, bool overlaps) =>
        new Spread(min1, min1, max1).Overlaps(new Spread(min2, min2, max2)).ShouldBe(overlaps);

    // Nearest rank: of 1..100, p50 is 50 and p99 is 99; of 1..10, p99 is the largest.
    [Theory]
    [InlineData(100, 50, 50)]
    [InlineData(100, 99, 99)]
    [InlineData(10, 99, 10)]
    [InlineData(10, 50, 5)]
    [InlineData(1, 99, 1)]
    public void Percentile_OneToN_NearestRank(int count, double percent, double expected) =>
        Percentile.Of([.. Enumerable.Range(1, count).Select(i => (double)i).Reverse()], percent).ShouldBe(expected);
}
