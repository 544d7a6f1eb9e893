using Hostnet.Core.Semantics.Ports;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics.Ports;

/// <summary>
/// The one reading of a port range, shared by <c>reservedPorts</c>, the webhook policy's <c>hostPorts.ranges</c> and
/// <c>hostnet ports --free</c>.
/// </summary>
public sealed class PortRangeTests
{
    [Theory]
    [InlineData("7000-8000", 7000, 8000)]
    [InlineData("5353", 5353, 5353)]
    [InlineData("1-65535", 1, 65535)]
    [InlineData("7000 - 7010", 7000, 7010)]
    [InlineData("8080-8080", 8080, 8080)]
    public void TryParse_Range_FromAndTo(string text, int from, int to)
    {
        PortRange.TryParse(text, out var range).ShouldBeTrue();
        range.ShouldBe(new PortRange(from, to));
    }

    [Theory]
    [InlineData("8000-7000")]
    [InlineData("0-10")]
    [InlineData("1-65536")]
    [InlineData("65536")]
    [InlineData("1-2-3")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData("a-b")]
    [InlineData("")]
    public void TryParse_NotARange_False(string text) => PortRange.TryParse(text, out _).ShouldBeFalse();
}
