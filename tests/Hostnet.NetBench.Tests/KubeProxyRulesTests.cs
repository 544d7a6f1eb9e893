using Hostnet.NetBench.Datapath;
using Shouldly;

namespace Hostnet.NetBench.Tests;

public sealed class KubeProxyRulesTests
{
    // Chain names that kube-proxy printed for these service ports (pkg/proxy/iptables/proxier_test.go, v1.31, and
    // the default/kubernetes:https chain every cluster has).
    [Theory]
    [InlineData("default/kubernetes:https", "KUBE-SVC-NPX46M4PTMTKRN6Y")]
    [InlineData("ns1/svc1:p80", "KUBE-SVC-XPGD46QRK7WJZT7O")]
    [InlineData("ns2/svc2:p80", "KUBE-SVC-GNZBNJ2PO5MGZ6GT")]
    [InlineData("ns4/svc4:p80", "KUBE-SVC-4SW47YFZTEDKD3PK")]
    public void ServiceChain_UpstreamServicePort_MatchesKubeProxy(string servicePortName, string chain) =>
        KubeProxyRules.ServiceChain(servicePortName, "tcp").ShouldBe(chain);

    [Theory]
    [InlineData("ns1/svc1:p80", "10.180.0.1:80", "KUBE-SEP-SXIVWICOYRO3J4NJ")]
    [InlineData("ns2/svc2:p80", "10.180.0.2:80", "KUBE-SEP-RS4RBKLTHTF2IUXJ")]
    [InlineData("ns4/svc4:p80", "10.180.0.4:80", "KUBE-SEP-UKSFD7AGPMPPLUHC")]
    public void EndpointChain_UpstreamEndpoint_MatchesKubeProxy(string servicePortName, string endpoint, string chain) =>
        KubeProxyRules.EndpointChain(servicePortName, "tcp", endpoint).ShouldBe(chain);

    [Fact]
    public void Render_UpstreamService_WritesKubeProxysRulesForIt()
    {
        var rules = KubeProxyRules.Render("ns1", "svc1", "172.30.0.41", "10.0.0.0/8", [new("p80", 80, "10.180.0.1", 80)]);

        var lines = rules.Split('\n');
        lines[0].ShouldBe("*nat");
        lines.ShouldContain("-A KUBE-SERVICES -m comment --comment \"ns1/svc1:p80 cluster IP\" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j KUBE-SVC-XPGD46QRK7WJZT7O");
        lines.ShouldContain("-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment \"ns1/svc1:p80 cluster IP\" -m tcp -p tcp -d 172.30.0.41 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ");
        lines.ShouldContain("-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment \"ns1/svc1:p80 -> 10.180.0.1:80\" -j KUBE-SEP-SXIVWICOYRO3J4NJ");
        lines.ShouldContain("-A KUBE-SEP-SXIVWICOYRO3J4NJ -m comment --comment ns1/svc1:p80 -s 10.180.0.1 -j KUBE-MARK-MASQ");
        lines.ShouldContain("-A KUBE-SEP-SXIVWICOYRO3J4NJ -m comment --comment ns1/svc1:p80 -m tcp -p tcp -j DNAT --to-destination 10.180.0.1:80");
        lines.ShouldContain("-A KUBE-POSTROUTING -m comment --comment \"kubernetes service traffic requiring SNAT\" -j MASQUERADE");
        lines.ShouldContain("-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES");
        lines[^2].ShouldBe("COMMIT");
    }
}
