using Hostnet.NetBench.Results;
using Shouldly;

namespace Hostnet.NetBench.Tests;

public sealed class CpuPinningTests
{
    [Theory]
    [InlineData("0-1", 0, 1)]
    [InlineData("0-7", 0, 1)]
    [InlineData("3,5-6", 3, 5)]
    [InlineData("2-3,8", 2, 3)]
    public void TwoAllowedCpus_ReceiverOnTheFirst_SenderOnTheSecond(string allowed, int receiver, int sender) =>
        CpuPinning.Choose(["Name:\tdotnet", $"Cpus_allowed_list:\t{allowed}", "Mems_allowed:\t1"]).ShouldBe(new CpuPinning(receiver, sender));

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    public void OneAllowedCpu_NothingToSeparate(string allowed) =>
        CpuPinning.Choose([$"Cpus_allowed_list:\t{allowed}"]).ShouldBeNull();

    [Fact]
    public void CpuList_ReadsRangesAndSingles() => CpuPinning.CpuList("0-2,5,7-8").ShouldBe([0, 1, 2, 5, 7, 8]);
}
