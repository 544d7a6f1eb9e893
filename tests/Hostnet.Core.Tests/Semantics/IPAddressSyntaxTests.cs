using Hostnet.Core.Semantics.Validation;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics;

/// <summary>Cases of Go 1.16 net.ParseIP (net/ip_test.go parseIPTests) as k8s.io/utils/net ParseIPSloppy keeps them.</summary>
public sealed class IPAddressSyntaxTests
{
    [Theory]
    [InlineData("127.0.1.2")]
    [InlineData("0.0.0.0")]
    [InlineData("10.9.8.7")]
    [InlineData("127.001.002.003")]
    [InlineData("010.1.1.1")]
    [InlineData("::ffff:127.1.2.3")]
    [InlineData("::ffff:127.001.002.003")]
    [InlineData("::ffff:7f01:0203")]
    [InlineData("0:0:0:0:0000:ffff:127.1.2.3")]
    [InlineData("0:0:0:0:000000:ffff:127.1.2.3")]
    [InlineData("2001:4860:0:2001::68")]
    [InlineData("2001:4860:0000:2001:0000:0000:0000:0068")]
    [InlineData("2001:db8::ffff")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("1:2:3:4:5:6:7::")]
    [InlineData("::2:3:4:5:6:7:8")]
    [InlineData("1:2:3:4:5:6:1.2.3.4")]
    public void IsValid_GoAcceptsIt_True(string text) => IPAddressSyntax.IsValid(text).ShouldBeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("127.0.0.256")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("1.2.3.4 ")]
    [InlineData("abc")]
    [InlineData("dns.google")]
    [InlineData("1.1.1.1:53")]
    [InlineData("123:4567:89:::ab")]
    [InlineData("fe80::1%lo0")]
    [InlineData("fe80::1%911")]
    [InlineData("[::1]")]
    [InlineData("::1/128")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("1:2:3:4:5:6:7:8::")]
    [InlineData("1::2::3")]
    [InlineData("1:2:3:4:5:6:7:1.2.3.4")]
    [InlineData("1:2::3:4:5:6:7:8")]
    [InlineData("12345::1")]
    [InlineData(":1")]
    [InlineData("1:")]
    public void IsValid_GoRejectsIt_False(string text) => IPAddressSyntax.IsValid(text).ShouldBeFalse();
}
