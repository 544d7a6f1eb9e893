using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Dns;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics.Dns;

/// <summary>
/// The hostname and /etc/hosts of kubelet_pods.go (ensureHostsFile and its helpers); the expected files follow
/// upstream's TestManagedHostsFileContent and TestNodeHostsFileContent (pkg/kubelet/kubelet_pods_test.go), with the
/// pod's IP and the node's file left as placeholders.
/// </summary>
public sealed class PodHostsTests
{
    private const string Localhost = "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n";

    private static readonly HostAlias[] FooBarBaz = [new("spec.hostAliases[0]", "123.45.67.89", ["foo", "bar", "baz"])];

    private static KubeletDnsSettings Kubelet(int minor = 35, string clusterDomain = "cluster.local") =>
        new(["10.96.0.10"], clusterDomain, "/etc/resolv.conf", ResolvConf.Parse(string.Empty), new KubeVersion(1, minor));

    private static PodDnsRequest Pod(bool hostNetwork = false, string? hostname = null, string? subdomain = null) =>
        new(null, hostNetwork, "ns", null, hostname, subdomain) { PodName = "podFoo" };

    [Fact]
    public void For_PodNetwork_WritesLocalhostAndThePodsName()
    {
        var hosts = PodHosts.For(Pod(), Kubelet());

        hosts.ShouldBe(new PodHosts("podFoo", null, Localhost + "<pod-ip>\tpodFoo\n", null));
    }

    [Fact]
    public void For_SubdomainAndHostAliases_WritesTheFqdnLineThenTheAliases()
    {
        var hosts = PodHosts.For(Pod(hostname: "db-0", subdomain: "db") with { HostAliases = FooBarBaz }, Kubelet());

        hosts.Hostname.ShouldBe("db-0");
        hosts.Fqdn.ShouldBe("db-0.db.ns.svc.cluster.local");
        hosts.HostsFile.ShouldBe(Localhost + "<pod-ip>\tdb-0.db.ns.svc.cluster.local\tdb-0\n\n# Entries added by HostAliases.\n123.45.67.89\tfoo\tbar\tbaz\n");
    }

    [Fact]
    public void For_HostNetwork_IsTheNodesFileBehindTheHeaderWithAliases()
    {
        var hosts = PodHosts.For(Pod(hostNetwork: true, hostname: "db-0", subdomain: "db") with { HostAliases = FooBarBaz }, Kubelet());

        hosts.ShouldBe(new PodHosts(null, null, "# Kubernetes-managed hosts file (host network).\n<the node's /etc/hosts>\n\n# Entries added by HostAliases.\n123.45.67.89\tfoo\tbar\tbaz\n", null));
    }

    [Fact]
    public void For_SetHostnameAsFqdn_MakesTheFqdnTheHostname()
    {
        PodHosts.For(Pod(subdomain: "db") with { SetHostnameAsFqdn = true }, Kubelet()).Hostname.ShouldBe("podFoo.db.ns.svc.cluster.local");
    }

    [Fact]
    public void For_SetHostnameAsFqdnOver64Characters_FailsTheSandboxWithTheKubeletsError()
    {
        var hosts = PodHosts.For(Pod(hostname: new string('a', 40), subdomain: "subdomain") with { SetHostnameAsFqdn = true }, Kubelet());

        hosts.Hostname.ShouldBeNull();
        hosts.Error.ShouldBe($"failed to construct FQDN from pod hostname and cluster domain, FQDN {new string('a', 40)}.subdomain.ns.svc.cluster.local is too long (64 characters is the max, 71 characters requested)");
    }

    [Theory]
    [InlineData(35, "custom.example.com", "<pod-ip>\tcustom.example.com\n")]
    [InlineData(34, "podFoo", "<pod-ip>\tpodFoo.db.ns.svc.cluster.local\tpodFoo\n")]
    public void For_HostnameOverride_ReplacesNameAndDomainWhereTheGateIsOn(int minor, string hostname, string podLine)
    {
        var hosts = PodHosts.For(Pod(subdomain: "db") with { HostnameOverride = "custom.example.com" }, Kubelet(minor));

        hosts.Hostname.ShouldBe(hostname);
        hosts.HostsFile.ShouldBe(Localhost + podLine);
    }

    [Fact]
    public void For_NameOver63Characters_IsCutWithoutATrailingDash()
    {
        var name = new string('a', 62) + "-bbbb";

        PodHosts.For(Pod() with { PodName = name }, Kubelet()).Hostname.ShouldBe(new string('a', 62));
    }
}
