using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Dns;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics.Dns;

/// <summary>
/// Ported from pkg/kubelet/network/dns/dns_test.go (TestGetPodDNSType, TestMergeDNSOptions, TestGetPodDNS,
/// TestGetPodDNSCustom), plus the fallbacks the upstream tests leave out.
/// </summary>
public sealed class PodDnsTests
{
    private const string ClusterNameserver = "10.0.0.10";
    private const string ClusterDomain = "kubernetes.io";
    private const string HostNameserver = "8.8.8.8";
    private const string HostDomain = "host.domain";

    private static readonly DnsOption Ndots3 = new("ndots", "3");
    private static readonly DnsOption Debug = new("debug", null);

    private static KubeletDnsSettings Kubelet(string[] clusterDns, string resolverConfig, string resolvConf = "") =>
        new(clusterDns, ClusterDomain, resolverConfig, ResolvConf.Parse(resolvConf), KubeVersion.Latest);

    /// <summary>The configurer of TestGetPodDNSCustom: cluster DNS 10.0.0.10 and a node file with one server and one domain.</summary>
    private static KubeletDnsSettings CustomKubelet =>
        Kubelet([ClusterNameserver], "/etc/resolv.conf", $"nameserver {HostNameserver}\nsearch {HostDomain}\n");

    private static DnsConfig Config(string[] nameservers, string[] searches, params DnsOption[] options) =>
        new("spec.dnsConfig", nameservers, searches, options);

    [Theory]
    [InlineData("ClusterFirst", false, DnsType.Cluster)]
    [InlineData("ClusterFirstWithHostNet", true, DnsType.Cluster)]
    [InlineData("ClusterFirstWithHostNet", false, DnsType.Cluster)]
    [InlineData("Default", false, DnsType.Host)]
    [InlineData("Default", true, DnsType.Host)]
    [InlineData("ClusterFirst", true, DnsType.Host)]
    [InlineData("None", false, DnsType.None)]
    [InlineData(null, true, DnsType.Host)]
    public void TypeFor_UpstreamCases_ChoosesTheKubeletsResolver(string? policy, bool hostNetwork, DnsType expected) =>
        DnsPolicy.TypeFor(policy, hostNetwork).ShouldBe(expected);

    [Fact]
    public void Generate_InvalidPolicy_IsTreatedAsClusterFirstLikeTheKubelet() =>
        PodDns.Generate(new PodDnsRequest("invalidPolicy", false, "ns", null), CustomKubelet).Type.ShouldBe(DnsType.Cluster);

    public static TheoryData<string, string[], DnsOption[], string[]> MergeCases => new()
    {
        { "Empty dnsConfigOptions", ["ndots:5", "debug"], [], ["ndots:5", "debug"] },
        { "No duplicated entries", ["ndots:5", "debug"], [new("single-request", null), new("attempts", "3")], ["ndots:5", "debug", "single-request", "attempts:3"] },
        { "Overwrite duplicated entries", ["ndots:5", "debug"], [new("ndots", "3"), new("debug", null), new("single-request", null), new("attempts", "3")], ["ndots:3", "debug", "single-request", "attempts:3"] },
    };

    [Theory]
    [MemberData(nameof(MergeCases))]
    public void MergeOptions_UpstreamCases_DnsConfigWins(string description, string[] existing, DnsOption[] extra, string[] expected) =>
        PodDns.MergeOptions(existing, extra).ShouldBe(expected, description);

    [Fact]
    public void Generate_NoResolverConfig_MatchesTestGetPodDNS()
    {
        var kubelet = Kubelet(["203.0.113.1"], string.Empty);

        var withHostNet = PodDns.Generate(new PodDnsRequest(DnsPolicy.ClusterFirstWithHostNet, true, string.Empty, null), kubelet).Config!;
        var hostFallback = PodDns.Generate(new PodDnsRequest(DnsPolicy.ClusterFirst, true, string.Empty, null), kubelet).Config!;
        var podNetwork = PodDns.Generate(new PodDnsRequest(DnsPolicy.ClusterFirst, false, string.Empty, null), kubelet).Config!;
        var @default = PodDns.Generate(new PodDnsRequest(DnsPolicy.Default, true, string.Empty, null), kubelet).Config!;

        withHostNet.Nameservers.ShouldBe(["203.0.113.1"]);
        withHostNet.Searches[0].ShouldBe(".svc." + ClusterDomain);
        hostFallback.Nameservers.ShouldBe(["127.0.0.1"]);
        hostFallback.Searches.ShouldBe(["."]);
        podNetwork.Nameservers.ShouldBe(["203.0.113.1"]);
        podNetwork.Searches[0].ShouldBe(".svc." + ClusterDomain);
        @default.Nameservers.ShouldBe(["127.0.0.1"]);
        @default.Searches.ShouldBe(["."]);
    }

    [Fact]
    public void Generate_WithResolverConfig_PrependsTheClusterDomainToTheNodesSearches()
    {
        var kubelet = Kubelet(["203.0.113.1"], "/etc/resolv.conf", "nameserver 192.0.2.53\nsearch a.example b.example\noptions edns0\n");

        var config = PodDns.Generate(new PodDnsRequest(DnsPolicy.ClusterFirstWithHostNet, true, string.Empty, null), kubelet).Config!;

        config.Nameservers.ShouldBe(["203.0.113.1"]);
        config.Searches.ShouldBe([".svc." + ClusterDomain, "svc." + ClusterDomain, ClusterDomain, "a.example", "b.example"]);
        config.Options.ShouldBe(["ndots:5"]);
    }

    public static TheoryData<string, bool, string, DnsConfig?, string[], string[], string[]> CustomCases => new()
    {
        { "DNSNone without DNSConfig should have empty DNS settings", false, DnsPolicy.None, null, [], [], [] },
        {
            "DNSNone with DNSConfig should have a merged DNS settings", false, DnsPolicy.None,
            Config(["203.0.113.1"], ["my.domain", "second.domain"], Ndots3, Debug),
            ["203.0.113.1"], ["my.domain", "second.domain"], ["ndots:3", "debug"]
        },
        {
            "DNSClusterFirst with DNSConfig should have a merged DNS settings", false, DnsPolicy.ClusterFirst,
            Config(["10.0.0.11"], ["my.domain"], Ndots3, Debug),
            [ClusterNameserver, "10.0.0.11"], ["testNS.svc." + ClusterDomain, "svc." + ClusterDomain, ClusterDomain, HostDomain, "my.domain"], ["ndots:3", "debug"]
        },
        {
            "DNSClusterFirstWithHostNet with DNSConfig should have a merged DNS settings", true, DnsPolicy.ClusterFirstWithHostNet,
            Config(["10.0.0.11"], ["my.domain"], Ndots3, Debug),
            [ClusterNameserver, "10.0.0.11"], ["testNS.svc." + ClusterDomain, "svc." + ClusterDomain, ClusterDomain, HostDomain, "my.domain"], ["ndots:3", "debug"]
        },
        {
            "DNSDefault with DNSConfig should have a merged DNS settings", false, DnsPolicy.Default,
            Config(["10.0.0.11"], ["my.domain"], Ndots3, Debug),
            [HostNameserver, "10.0.0.11"], [HostDomain, "my.domain"], ["ndots:3", "debug"]
        },
    };

    [Theory]
    [MemberData(nameof(CustomCases))]
    public void Generate_UpstreamCustomCases_MergeDnsConfig(string description, bool hostNetwork, string policy, DnsConfig? dnsConfig, string[] nameservers, string[] searches, string[] options)
    {
        var config = PodDns.Generate(new PodDnsRequest(policy, hostNetwork, "testNS", dnsConfig), CustomKubelet).Config!;

        config.Nameservers.ShouldBe(nameservers, description);
        config.Searches.ShouldBe(searches, description);
        config.Options.ShouldBe(options, ignoreOrder: true, description);
    }

    [Fact]
    public void Generate_NoClusterDns_FallsBackToDefaultWithMissingClusterDnsEvent()
    {
        var result = PodDns.Generate(new PodDnsRequest(DnsPolicy.ClusterFirst, false, "ns", null), Kubelet([], "/etc/resolv.conf", "nameserver 192.0.2.53\n"));

        result.PolicyApplied.ShouldBe(DnsPolicy.Default);
        result.Config!.Nameservers.ShouldBe(["192.0.2.53"]);
        result.Events.ShouldHaveSingleItem().Message.ShouldBe(
            "kubelet does not have ClusterDNS IP configured and cannot create Pod using \"ClusterFirst\" policy. Falling back to \"Default\" policy.");
    }

    [Fact]
    public void Generate_ClusterFirstOnHostNetwork_FallsBackSilently()
    {
        var result = PodDns.Generate(new PodDnsRequest(null, true, "ns", null), CustomKubelet);

        result.PolicyApplied.ShouldBe(DnsPolicy.Default);
        result.Events.ShouldBeEmpty();
        result.Config!.Render().ShouldBe($"search {HostDomain}\nnameserver {HostNameserver}\n");
    }

    [Fact]
    public void Generate_UnparsableResolvConf_FailsEveryPolicy()
    {
        var result = PodDns.Generate(new PodDnsRequest(DnsPolicy.None, false, "ns", Config(["192.0.2.1"], [])), Kubelet([ClusterNameserver], "/etc/resolv.conf", "nameserver\n"));

        result.Config.ShouldBeNull();
        result.Error.ShouldBe("nameserver list is empty ");
    }

    [Fact]
    public void Generate_TooManyNameserversFromDnsConfig_KeepsThreeWithEvent()
    {
        var result = PodDns.Generate(new PodDnsRequest(DnsPolicy.Default, false, "ns", Config(["192.0.2.1", "192.0.2.2", "192.0.2.3"], [])), CustomKubelet);

        result.Config!.Nameservers.ShouldBe([HostNameserver, "192.0.2.1", "192.0.2.2"]);
        result.Events.ShouldHaveSingleItem().Message.ShouldBe(
            "Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 8.8.8.8 192.0.2.1 192.0.2.2");
    }

    [Fact]
    public void ClusterFirstSearches_NoClusterDomain_AreTheNodesSearches() =>
        PodDns.ClusterFirstSearches(["a", "b"], "ns", string.Empty).ShouldBe(["a", "b"]);

    [Fact]
    public void ClusterFirstSearches_NodeRepeatsAClusterPath_KeepsTheFirst() =>
        PodDns.ClusterFirstSearches(["AAA", "svc.TEST", "BBB", "TEST"], "testNS", "TEST").ShouldBe(["testNS.svc.TEST", "svc.TEST", "TEST", "AAA", "BBB"]);
}
