using Hostnet.Core.Model;
using Hostnet.Core.Scheduling.Expansion;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Scheduling;

public sealed class QuantityAndNamesTests
{
    [Theory]
    [InlineData("100m", 100)]
    [InlineData("0.5", 500)]
    [InlineData("2", 2000)]
    [InlineData("1e3", 1000000)]
    [InlineData("0.0001", 1)]
    [InlineData("nonsense", 0)]
    public void MilliValue_RoundsUp(string text, long milli) => Quantity.MilliValue(text).ShouldBe(milli);

    [Theory]
    [InlineData("64Mi", 67108864)]
    [InlineData("1G", 1000000000)]
    [InlineData("1.5Gi", 1610612736)]
    [InlineData("128974848", 128974848)]
    [InlineData("129e6", 129000000)]
    [InlineData("123k", 123000)]
    public void Value_ReadsSuffixes(string text, long bytes) => Quantity.Value(text).ShouldBe(bytes);

    [Fact]
    public void SafeEncode_MapsIntoTheAlphabet()
    {
        var encoded = ControllerNames.SafeEncode("1234567890");

        encoded.Length.ShouldBe(10);
        encoded.ShouldAllBe(c => "bcdfghjklmnpqrstvwxz2456789".Contains(c));
    }

    [Fact]
    public void Generated_IsStableAndFiveCharactersLong()
    {
        var name = ControllerNames.Generated("web-7d4b9c", "0");

        name.ShouldBe(ControllerNames.Generated("web-7d4b9c", "0"));
        name.ShouldStartWith("web-7d4b9c-");
        name.Length.ShouldBe("web-7d4b9c-".Length + 5);
        ControllerNames.Generated("web-7d4b9c", "1").ShouldNotBe(name);
    }

    [Fact]
    public void Generated_LongBase_IsCutTo58Characters() =>
        ControllerNames.Generated(new string('a', 70), "0").Length.ShouldBe(63);
}
