using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Dns;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics.Dns;

/// <summary>The node events of CheckLimitsForResolvConf (pkg/kubelet/network/dns/dns.go).</summary>
public sealed class ResolvConfLimitsTests
{
    private static KubeletEvent? Check(string resolvConf, string clusterDomain = "cluster.local", string path = "/etc/resolv.conf") =>
        ResolvConfLimits.Check(new KubeletDnsSettings(["10.96.0.10"], clusterDomain, path, ResolvConf.Parse(resolvConf), KubeVersion.Latest));

    private static string Search(int count) => "search " + string.Join(' ', Enumerable.Range(1, count).Select(i => $"d{i}"));

    [Fact]
    public void Check_TwentyNineDomainsWithClusterDomain_IsTooMany() =>
        Check(Search(30))!.Message.ShouldBe("Resolv.conf file '/etc/resolv.conf' contains search line consisting of more than 29 domains!");

    [Fact]
    public void Check_TwentyNineDomains_Fits() => Check(Search(29)).ShouldBeNull();

    [Fact]
    public void Check_NoClusterDomain_AllowsThirtyTwo() => Check(Search(32), clusterDomain: string.Empty).ShouldBeNull();

    [Fact]
    public void Check_LongPath_IsQuotedLikeGo() =>
        Check("search " + new string('a', 254))!.Message.ShouldBe("Resolv.conf file \"/etc/resolv.conf\" contains a search path which length is more than allowed 253 chars!");

    [Fact]
    public void Check_LongLine_NamesTheLimit() =>
        Check("search " + string.Join(' ', Enumerable.Repeat(new string('a', 250), 9)))!.Message
            .ShouldBe("Resolv.conf file '/etc/resolv.conf' contains search line which length is more than allowed 2048 chars!");

    [Fact]
    public void Check_ParseError_IsTheEvent() => Check("nameserver\n")!.Message.ShouldBe("nameserver list is empty ");

    [Fact]
    public void Check_NoResolverConfig_HasNothingToCheck() => Check("nameserver\n", path: string.Empty).ShouldBeNull();
}
