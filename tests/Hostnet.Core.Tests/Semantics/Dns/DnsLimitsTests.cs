using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Dns;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics.Dns;

/// <summary>Ported from pkg/kubelet/network/dns/dns_test.go (TestFormDNSSearchFitsLimits, TestFormDNSNameserversFitsLimits).</summary>
public sealed class DnsLimitsTests
{
    private const string Prefix = "Search Line limits were exceeded, some search paths have been omitted, the applied search line is: ";

    private static readonly KubeVersion Legacy = new(1, 25);

    private static readonly KubeVersion Expanded = KubeVersion.Latest;

    // 2048 = 128 + 127 * 15 + 15
    private static readonly string[] SearchPathList2048Chars = [new string('A', 128), .. Enumerable.Repeat(new string('A', 127), 15)];

    private static readonly string[] ThirtyTwo = ["testNS.svc.TEST", "svc.TEST", "TEST", .. Enumerable.Range(4, 29).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public static TheoryData<string, string[], string[], string?, bool> SearchCases => new()
    {
        { "valid: 3 search paths", ["testNS.svc.TEST", "svc.TEST", "TEST"], ["testNS.svc.TEST", "svc.TEST", "TEST"], null, false },
        { "valid: 5 search paths", ["testNS.svc.TEST", "svc.TEST", "TEST", "AAA", "BBB"], ["testNS.svc.TEST", "svc.TEST", "TEST", "AAA", "BBB"], null, false },
        {
            "invalid: longer than 256 characters in search path list",
            ["testNS.svc.TEST", "svc.TEST", "TEST", "AAA", new string('B', 256), "BBB"],
            ["testNS.svc.TEST", "svc.TEST", "TEST", "AAA", "BBB"],
            Prefix + "testNS.svc.TEST svc.TEST TEST AAA BBB",
            false
        },
        { "valid ExpandedDNSConfig: 2048 characters in search path list", SearchPathList2048Chars, SearchPathList2048Chars, null, true },
        {
            "invalid ExpandedDNSConfig: 2050 characters in search path list",
            [.. SearchPathList2048Chars, "B"],
            SearchPathList2048Chars,
            Prefix + string.Join(' ', SearchPathList2048Chars),
            true
        },
        {
            "invalid ExpandedDNSConfig: 256 characters search path",
            ["testNS.svc.TEST", "svc.TEST", "TEST", "AAA", new string('B', 256), "BBB"],
            ["testNS.svc.TEST", "svc.TEST", "TEST", "AAA", "BBB"],
            Prefix + "testNS.svc.TEST svc.TEST TEST AAA BBB",
            true
        },
        {
            "invalid: 7 search paths",
            ["testNS.svc.TEST", "svc.TEST", "TEST", "AAA", "BBB", "CCC", "DDD"],
            ["testNS.svc.TEST", "svc.TEST", "TEST", "AAA", "BBB", "CCC"],
            Prefix + "testNS.svc.TEST svc.TEST TEST AAA BBB CCC",
            false
        },
        { "valid ExpandedDNSConfig: 32 search paths", ThirtyTwo, ThirtyTwo, null, true },
        { "invalid ExpandedDNSConfig: 33 search paths", [.. ThirtyTwo, "33"], ThirtyTwo, Prefix + string.Join(' ', ThirtyTwo), true },
    };

    [Theory]
    [MemberData(nameof(SearchCases))]
    public void FitSearches_UpstreamCases_KeepWhatTheKubeletKeeps(string description, string[] searches, string[] expected, string? message, bool expanded)
    {
        var (kept, warning) = DnsLimits.FitSearches(searches, expanded ? Expanded : Legacy);

        kept.ShouldBe(expected, description);
        warning?.Message.ShouldBe(message, description);
        (warning is null).ShouldBe(message is null, description);
        warning?.Reason.ShouldBe("DNSConfigForming");
    }

    [Fact]
    public void FitSearches_LegacyLineOver256Characters_DropsFromTheEnd()
    {
        var (kept, warning) = DnsLimits.FitSearches([new string('a', 200), "bbb", new string('c', 60)], Legacy);

        kept.ShouldBe([new string('a', 200), "bbb"]);
        warning.ShouldNotBeNull();
    }

    [Theory]
    [InlineData(new[] { "127.0.0.1" }, new[] { "127.0.0.1" }, false)]
    [InlineData(new[] { "127.0.0.1", "10.0.0.10", "8.8.8.8" }, new[] { "127.0.0.1", "10.0.0.10", "8.8.8.8" }, false)]
    [InlineData(new[] { "127.0.0.1", "10.0.0.10", "8.8.8.8", "1.2.3.4" }, new[] { "127.0.0.1", "10.0.0.10", "8.8.8.8" }, true)]
    public void FitNameservers_UpstreamCases_KeepTheFirstThree(string[] nameservers, string[] expected, bool expectEvent)
    {
        var (kept, warning) = DnsLimits.FitNameservers(nameservers);

        kept.ShouldBe(expected);
        (warning is not null).ShouldBe(expectEvent);
    }

    [Fact]
    public void FitNameservers_Four_EventNamesTheAppliedLine() =>
        DnsLimits.FitNameservers(["127.0.0.1", "10.0.0.10", "8.8.8.8", "1.2.3.4"]).Event!.Message
            .ShouldBe("Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 127.0.0.1 10.0.0.10 8.8.8.8");
}
