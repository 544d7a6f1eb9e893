using Hostnet.Core.Diagnostics;
using Hostnet.Core.Rules.Dns;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

/// <summary>HN030 warns only where the pod shows it resolves cluster names, and its fix follows the evidence.</summary>
public sealed class HostNetworkClusterDnsTests
{
    /// <summary>A CNI agent whose arguments name no cluster service.</summary>
    private static readonly string NodeAgent = AgentWith("args: [--log-level=info, --metrics-port=9090]");

    [Fact]
    public void NoEvidence_ReportsInfoThatClusterFirstBehavesAsDefault()
    {
        var finding = Fixtures.Check(NodeAgent).Diagnostics.Single(d => d.Rule == HostNetworkClusterDns.Rule);

        finding.Severity.ShouldBe(Severity.Info);
        finding.Message.ShouldBe(
            "hostNetwork is true and dnsPolicy is not set, so it defaults to ClusterFirst: on the host network ClusterFirst behaves as Default "
            + "(the node's resolv.conf), and nothing in the pod names a cluster service (.svc, .cluster.local, kubernetes.default or a Service of namespace kube-system)");
        finding.Fix.ShouldBe(HostNetworkClusterDns.Fixes.RecordNodeResolver.Text);
    }

    [Theory]
    [InlineData("env: [{name: API, value: \"https://kubernetes.default.svc:443\"}]", "container \"agent\" env API names kubernetes.default.svc")]
    [InlineData("command: [/agent, \"--push=http://gateway.monitoring.svc.cluster.local:9091/metrics\"]", "container \"agent\" command names gateway.monitoring.svc.cluster.local")]
    [InlineData("args: [--upstream, typha:5473]", "container \"agent\" args names typha")]
    [InlineData("args: [\"--peer=http://typha\"]", "container \"agent\" args names typha")]
    [InlineData("args: [--peer=typha.kube-system]", "container \"agent\" args names typha.kube-system")]
    // A marker in any case, in an ASCII text (searched for all markers at once first) and in one that is not ASCII.
    [InlineData("env: [{name: API, value: \"http://Loki.Logging.SVC:3100\"}]", "container \"agent\" env API names Loki.Logging.SVC")]
    [InlineData("env: [{name: API, value: \"Grüße an http://loki.logging.Cluster.Local/push\"}]", "container \"agent\" env API names loki.logging.Cluster.Local")]
    public void Evidence_Warns_AndNamesWhereThePodUsesACluster(string containerLine, string evidence)
    {
        var report = Fixtures.Check(WithService("typha") + AgentWith(containerLine));

        var finding = report.Diagnostics.Single(d => d.Rule == HostNetworkClusterDns.Rule);
        finding.Severity.ShouldBe(Severity.Warning);
        finding.Message.ShouldBe(
            "hostNetwork is true and dnsPolicy is not set, so it defaults to ClusterFirst: the kubelet silently falls back to the node's resolv.conf, "
            + "so cluster names do not resolve, and the pod uses one: " + evidence);
        finding.Fix.ShouldBe(HostNetworkClusterDns.Fixes.UseClusterDns.Text);
    }

    [Theory]
    [InlineData("env: [{name: FELIX_TYPHAK8SSERVICENAME, value: typha}]")]
    [InlineData("args: [--name=typha-agent:1]")]
    [InlineData("args: [--config=/etc/app.svcconfig]")]
    [InlineData("env: [{name: DOMAIN, value: cluster.local}]")]
    public void NotEvidence_AServiceNameThatIsNoHost_OrAMarkerInsideAWord(string containerLine)
    {
        var report = Fixtures.Check(WithService("typha") + AgentWith(containerLine));

        report.Diagnostics.Single(d => d.Rule == HostNetworkClusterDns.Rule).Severity.ShouldBe(Severity.Info);
    }

    [Fact]
    public void ServiceOfAnotherNamespace_IsNoEvidence()
    {
        var service = "apiVersion: v1\nkind: Service\nmetadata: {name: typha, namespace: other}\nspec: {ports: [{port: 5473}]}\n---\n";

        Fixtures.Check(service + AgentWith("args: [--upstream=typha:5473]")).Diagnostics
            .Single(d => d.Rule == HostNetworkClusterDns.Rule).Severity.ShouldBe(Severity.Info);
    }

    [Fact]
    public void ConfigMapReadThroughEnvFrom_IsEvidence()
    {
        var configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: kube-system}\ndata: {SINK: \"otel.observability.svc:4317\"}\n---\n";

        var finding = Fixtures.Check(configMap + AgentWith("envFrom: [{configMapRef: {name: settings}}]")).Diagnostics.Single(d => d.Rule == HostNetworkClusterDns.Rule);

        finding.Severity.ShouldBe(Severity.Warning);
        finding.Message.ShouldEndWith("ConfigMap \"settings\" key \"SINK\" names otel.observability.svc");
    }

    [Fact]
    public void HostProcessContainer_IsNotReported()
    {
        Fixtures.Check(AgentWith("securityContext: {windowsOptions: {hostProcess: true}}")).Diagnostics.ShouldNotContain(d => d.Rule == HostNetworkClusterDns.Rule);
    }

    [Fact]
    public void Fix_WithoutEvidence_WritesDefault_WithEvidence_ClusterFirstWithHostNet()
    {
        FixRun.Fix(NodeAgent).Text.ShouldContain("hostNetwork: true\n      dnsPolicy: Default\n");
        FixRun.Fix(AgentWith("args: [--api=https://kubernetes.default.svc]")).Text.ShouldContain("hostNetwork: true\n      dnsPolicy: ClusterFirstWithHostNet\n");
    }

    private static string WithService(string name) =>
        $"apiVersion: v1\nkind: Service\nmetadata: {{name: {name}, namespace: kube-system}}\nspec: {{selector: {{app: {name}}}, ports: [{{port: 5473}}]}}\n---\n";

    private static string AgentWith(string containerLine) => $$$"""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: cni-agent, namespace: kube-system}
        spec:
          selector: {matchLabels: {app: cni-agent}}
          template:
            metadata: {labels: {app: cni-agent}}
            spec:
              hostNetwork: true
              containers:
              - name: agent
                image: example.com/cni-agent:1.0
                {{{containerLine}}}

        """;
}
