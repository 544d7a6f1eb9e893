using Hostnet.Core.Rules;
using Hostnet.Core.Rules.RunTime;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

public sealed class UndeclaredHostListenerTests
{
    private const string Web = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          hostNetwork: true
          dnsPolicy: ClusterFirstWithHostNet
          containers:
            - name: web
              image: registry.example.com/web:1.0
              ports: [{name: metrics, containerPort: 9090}]
              readinessProbe:
                httpGet: {path: /, port: 80}
            - name: exporter
              image: registry.example.com/exporter:1.0
              args: ["--metrics-bind-address=:8080"]
        """;

    [Fact]
    public void Check_ProbePort_SaysWhatHappensAndWhatToAdd()
    {
        var finding = Fixtures.Check(Web).Diagnostics.Where(d => d.Rule.Id == "HN010").OrderBy(d => d.Position.Line).First();

        finding.Message.ShouldBe("container 'web' listens on 80 (readinessProbe httpGet) but does not declare it: the scheduler cannot see the port, so a second pod using it on the same node will crash with \"address already in use\"");
        finding.Fix.ShouldBe("add {containerPort: 80} to the ports of container 'web'");
        finding.FieldPath.ShouldBe("spec.containers[0].readinessProbe.httpGet.port");
    }

    [Fact]
    public void Check_NamedEvidence_NamesTheNewPort()
    {
        var finding = Fixtures.Check(Web).Diagnostics.Where(d => d.Rule.Id == "HN010").OrderBy(d => d.Position.Line).Last();

        finding.Message.ShouldStartWith("container 'exporter' listens on 8080 (--metrics-bind-address=:8080) but does not declare it");
        finding.Fix.ShouldBe("add {name: metrics, containerPort: 8080} to the ports of container 'exporter'");
    }

    [Fact]
    public void Check_SuggestedNameInUse_IsLeftOut()
    {
        var text = Web.Replace("image: registry.example.com/exporter:1.0", "image: registry.example.com/exporter:1.0\n      ports: [{name: metrics, containerPort: 9091}]", StringComparison.Ordinal)
            .Replace("--metrics-bind-address=:8080", "--port=9091\", \"--metrics-bind-address=:8080", StringComparison.Ordinal);

        // The container declares a port, so the told 8080 is HN011's; its fix avoids the taken name.
        Fixtures.Check(text).Diagnostics.Single(d => d.Rule.Id == "HN011").Fix.ShouldStartWith("make the two agree: declare {containerPort: 8080} in container 'exporter'");
    }

    [Fact]
    public void Check_SameNumberOtherProtocol_SpellsTheProtocolOut()
    {
        const string text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: dns}
            spec:
              hostNetwork: true
              dnsPolicy: Default
              containers:
                - name: coredns
                  image: coredns/coredns:1.11.3
                  args: [-conf, /etc/coredns/Corefile]
                  ports: [{containerPort: 53, protocol: UDP}]
                  livenessProbe:
                    tcpSocket: {port: 53}
            """;

        var finding = Fixtures.Check(text).Diagnostics.Single(d => d.Rule.Id == "HN010");

        finding.Message.ShouldStartWith("container 'coredns' listens on 53/TCP (livenessProbe tcpSocket) but does not declare it");
        finding.Fix.ShouldBe("add {containerPort: 53} to the ports of container 'coredns'");
    }

    [Fact]
    public void Descriptor_MatchesTheCatalogue()
    {
        UndeclaredHostListener.Rule.Id.ShouldBe("HN010");
        UndeclaredHostListener.Rule.Slug.ShouldBe("undeclared-host-listener");
        RuleCatalog.IsFixable(UndeclaredHostListener.Rule).ShouldBeTrue();
    }
}
