using Hostnet.Core.Semantics.Dns;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics.Dns;

/// <summary>Ported from pkg/kubelet/network/dns/dns_test.go (TestParseResolvConf).</summary>
public sealed class ResolvConfTests
{
    public static TheoryData<string, string[], string[], string[], bool> ParseCases => new()
    {
        { "", [], [], [], false },
        { " ", [], [], [], false },
        { "\n", [], [], [], false },
        { "\t\n\t", [], [], [], false },
        { "#comment\n", [], [], [], false },
        { " #comment\n", [], [], [], false },
        { "#comment\n#comment", [], [], [], false },
        { "#comment\nnameserver", [], [], [], true },
        { "#comment\nnameserver\nsearch", [], [], [], true },
        { "#comment\nnameserver 1.2.3.4\nsearch", ["1.2.3.4"], [], [], false },
        { "nameserver 1.2.3.4", ["1.2.3.4"], [], [], false },
        { " nameserver 1.2.3.4", ["1.2.3.4"], [], [], false },
        { "\tnameserver 1.2.3.4", ["1.2.3.4"], [], [], false },
        { "nameserver\t1.2.3.4", ["1.2.3.4"], [], [], false },
        { "nameserver \t 1.2.3.4", ["1.2.3.4"], [], [], false },
        { "nameserver 1.2.3.4\nnameserver 5.6.7.8", ["1.2.3.4", "5.6.7.8"], [], [], false },
        { "nameserver 1.2.3.4 #comment", ["1.2.3.4"], [], [], false },
        { "search ", [], [], [], false },
        { "search foo", [], ["foo"], [], false },
        { "search foo bar", [], ["foo", "bar"], [], false },
        { "search foo. bar", [], ["foo", "bar"], [], false },
        { "search foo bar bat\n", [], ["foo", "bar", "bat"], [], false },
        { "search foo\nsearch bar", [], ["bar"], [], false },
        { "nameserver 1.2.3.4\nsearch foo bar", ["1.2.3.4"], ["foo", "bar"], [], false },
        { "nameserver 1.2.3.4\nsearch foo\nnameserver 5.6.7.8\nsearch bar", ["1.2.3.4", "5.6.7.8"], ["bar"], [], false },
        { "#comment\nnameserver 1.2.3.4\n#comment\nsearch foo\ncomment", ["1.2.3.4"], ["foo"], [], false },
        { "options ", [], [], [], false },
        { "options ndots:5 attempts:2", [], [], ["ndots:5", "attempts:2"], false },
        { "options ndots:1\noptions ndots:5 attempts:3", [], [], ["ndots:5", "attempts:3"], false },
        { "nameserver 1.2.3.4\nsearch foo\nnameserver 5.6.7.8\nsearch bar\noptions ndots:5 attempts:4", ["1.2.3.4", "5.6.7.8"], ["bar"], ["ndots:5", "attempts:4"], false },
    };

    [Theory]
    [MemberData(nameof(ParseCases))]
    public void Parse_UpstreamCases_MatchTheKubelet(string text, string[] nameservers, string[] searches, string[] options, bool isError)
    {
        var parsed = ResolvConf.Parse(text);

        if (isError)
        {
            parsed.Error.ShouldBe("nameserver list is empty ");
            return;
        }

        parsed.Error.ShouldBeNull();
        parsed.Config.Nameservers.ShouldBe(nameservers);
        parsed.Config.Searches.ShouldBe(searches);
        parsed.Config.Options.ShouldBe(options);
    }

    [Fact]
    public void Parse_CarriageReturns_AreWhitespace() =>
        ResolvConf.Parse("nameserver 1.2.3.4\r\nsearch a b\r\n").Config.Searches.ShouldBe(["a", "b"]);

    [Fact]
    public void Render_AllParts_SearchThenNameserversThenOptions() =>
        new ResolvConf(["10.96.0.10", "10.0.0.11"], ["ns.svc.cluster.local", "svc.cluster.local"], ["ndots:5", "edns0"]).Render()
            .ShouldBe("search ns.svc.cluster.local svc.cluster.local\nnameserver 10.96.0.10\nnameserver 10.0.0.11\noptions ndots:5 edns0\n");

    [Fact]
    public void Render_EmptyParts_AreLeftOut() =>
        new ResolvConf(["10.0.0.2"], [], []).Render().ShouldBe("nameserver 10.0.0.2\n");

    [Fact]
    public void Render_Nothing_IsEmpty() => ResolvConf.Empty.Render().ShouldBeEmpty();
}
