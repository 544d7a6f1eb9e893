using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

public sealed class ColocatedReplicasWithoutPortsTests
{
    private const string Gateway = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: gateway, namespace: edge}
        spec:
          replicas: 3
          selector: {matchLabels: {app: gateway}}
          template:
            metadata: {labels: {app: gateway}}
            spec:
              hostNetwork: true
              dnsPolicy: ClusterFirstWithHostNet
              containers:
                - name: gateway
                  image: registry.example.com/gateway:1.0
                  args: ["--port=8080", "--metrics-bind-address=:9090"]
                  readinessProbe:
                    httpGet: {port: 8080}
        """;

    [Fact]
    public void Check_Replicas_NamesThePortsAndBothFixes()
    {
        var finding = Fixtures.Check(Gateway).Diagnostics.Single(d => d.Rule.Id == "HN014");

        finding.Message.ShouldBe("Deployment 'gateway' runs 3 replicas on the host network with no declared ports and no required pod anti-affinity on kubernetes.io/hostname: the scheduler can put two replicas on one node, where the second fails to bind ports 8080, 9090 (\"address already in use\") and crash-loops");
        finding.Fix.ShouldBe("declare the ports the pods listen on (the scheduler then keeps replicas on separate nodes), or add a required pod anti-affinity on kubernetes.io/hostname that matches the pod's own labels");
        finding.FieldPath.ShouldBe("spec.replicas");
    }

    [Theory]
    [InlineData("namespaces: [edge]", false)]
    [InlineData("namespaces: [other]", true)]
    [InlineData("namespaces: []", false)]
    public void Check_AntiAffinityNamespaces_MustIncludeTheReplicas(string namespaces, bool reported)
    {
        var text = Gateway.Replace("      containers:", $$$"""
                  affinity:
                    podAntiAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        - labelSelector: {matchLabels: {app: gateway}}
                          topologyKey: kubernetes.io/hostname
                          {{{namespaces}}}
                  containers:
            """, StringComparison.Ordinal);

        Fixtures.Check(text).Diagnostics.Any(d => d.Rule.Id == "HN014").ShouldBe(reported);
    }
}
