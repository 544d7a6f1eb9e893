using Hostnet.Core.Semantics.Validation;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics;

public sealed class DnsNamesTests
{
    private const string Strict = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    [Theory]
    [InlineData("a")]
    [InlineData("cluster.local")]
    [InlineData("1-2.example.com")]
    public void IsDns1123Subdomain_Valid_NoErrors(string value) => DnsNames.IsDns1123Subdomain(value).ShouldBeEmpty();

    [Theory]
    [InlineData("")]
    [InlineData("Example.com")]
    [InlineData("-a.com")]
    [InlineData("a..com")]
    [InlineData("a_b.com")]
    [InlineData("a.com\n")]
    public void IsDns1123Subdomain_Invalid_RegexError(string value) => DnsNames.IsDns1123Subdomain(value).ShouldBe([Strict]);

    [Fact]
    public void IsDns1123Subdomain_TooLongAndInvalid_BothErrorsInOrder() =>
        DnsNames.IsDns1123Subdomain(new string('A', 254)).ShouldBe(["must be no more than 253 characters", Strict]);

    [Theory]
    [InlineData("_sip._udp.example.com")]
    [InlineData("my_host.example.com")]
    public void IsDns1123SubdomainWithUnderscore_Underscores_NoErrors(string value) =>
        DnsNames.IsDns1123SubdomainWithUnderscore(value).ShouldBeEmpty();

    [Fact]
    public void RegexError_SeveralExamples_AsGoJoinsThem() =>
        DnsNames.RegexError("msg", "fmt", "my-name", "123-abc").ShouldBe("msg (e.g. 'my-name',  or '123-abc', regex used for validation is 'fmt')");
}
