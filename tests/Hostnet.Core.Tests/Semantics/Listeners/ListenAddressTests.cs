using Hostnet.Core.Semantics.Listeners;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics.Listeners;

public sealed class ListenAddressTests
{
    [Theory]
    [InlineData(":9100", 9100)]
    [InlineData("0.0.0.0:9100", 9100)]
    [InlineData("localhost:29653", 29653)]
    [InlineData("[::]:9100", 9100)]
    [InlineData("[::1]:65535", 65535)]
    [InlineData(":0", null)]
    [InlineData(":65536", null)]
    [InlineData("0.0.0.0", null)]
    [InlineData("0", null)]
    [InlineData("::1:9100", null)]
    [InlineData("http://0.0.0.0:80", null)]
    [InlineData("localhost:80/metrics", null)]
    [InlineData(":+80", null)]
    public void TryParse_Value_ReadsThePort(string text, int? port)
    {
        var parsed = ListenAddress.TryParse(text, allowProtocol: false, out var actual, out var protocol);

        (parsed ? actual : (int?)null).ShouldBe(port);
        protocol.ShouldBe("TCP");
    }

    [Theory]
    [InlineData(":53/udp", "UDP")]
    [InlineData(":80/tcp", "TCP")]
    [InlineData(":80", "TCP")]
    public void TryParse_TraefikSuffix_GivesTheProtocol(string text, string protocol)
    {
        ListenAddress.TryParse(text, allowProtocol: true, out _, out var actual).ShouldBeTrue();
        actual.ShouldBe(protocol);
    }

    [Fact]
    public void TryParse_UnknownSuffix_IsRejected() =>
        ListenAddress.TryParse(":80/sctp", allowProtocol: true, out _, out _).ShouldBeFalse();
}
