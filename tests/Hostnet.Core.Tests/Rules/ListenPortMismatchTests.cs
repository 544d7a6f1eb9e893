using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

public sealed class ListenPortMismatchTests
{
    [Fact]
    public void Check_FlagAgainstDeclaredPort_NamesBothAndOffersBothFixes()
    {
        const string text = """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: host-metrics}
            spec:
              selector: {matchLabels: {app: m}}
              template:
                metadata: {labels: {app: m}}
                spec:
                  hostNetwork: true
                  dnsPolicy: ClusterFirstWithHostNet
                  containers:
                    - name: exporter
                      image: quay.io/prometheus/node-exporter:v1.8.2
                      args: ["--web.listen-address=:9101"]
                      ports:
                        - {name: metrics, containerPort: 9100}
                        - {name: gossip, containerPort: 7946, protocol: UDP}
            """;

        var findings = Fixtures.Check(text).Diagnostics.Where(d => d.Rule.Id is "HN010" or "HN011").ToList();

        var finding = findings.ShouldHaveSingleItem();
        finding.Rule.Id.ShouldBe("HN011");
        finding.Message.ShouldBe("container 'exporter' is told to listen on 9101 (--web.listen-address=:9101) but declares only 9100, 7946/UDP: the scheduler reserves the declared ports, not 9101, so a second pod using 9101 on the same node will crash with \"address already in use\"");
        finding.Fix.ShouldBe("make the two agree: declare {containerPort: 9101} in container 'exporter', or change --web.listen-address=:9101 to a declared port");
        finding.FieldPath.ShouldBe("spec.template.spec.containers[0].args[0]");
    }

    [Fact]
    public void Check_FlagWithoutProtocol_MatchesTheNumberDeclaredForUdp()
    {
        const string text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: relay}
            spec:
              hostNetwork: true
              dnsPolicy: ClusterFirstWithHostNet
              containers:
                - name: relay
                  image: registry.example.com/relay:1.0
                  args: ["--port=5514"]
                  ports: [{containerPort: 5514, protocol: UDP}]
            """;

        Fixtures.Check(text).Diagnostics.ShouldNotContain(d => d.Rule.Id == "HN010" || d.Rule.Id == "HN011");
    }
}
