using Hostnet.Core.Analysis;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Runs;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Runs;

/// <summary>
/// A StatefulSet whose pod spec the API refuses: refused itself from 1.34 (PR #131790), and before that stored with
/// every Pod refused, the errors aggregated as the Pod's 422 answer in the controller's FailedCreate event (in the
/// order of the fields, here also upstream's validation order: validateDNSPolicy before validateHostUsers).
/// </summary>
public sealed class RefusalsTests
{
    private const string StatefulSet = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: data}
        spec:
          serviceName: db
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              dnsPolicy: ClusterFirstWithHostnet
              hostNetwork: true
              hostUsers: false
              containers: [{name: postgres, image: postgres:16}]
        """;

    [Fact]
    public void Find_StatefulSetBefore134_RefusesItsPodsWithTheFailedCreateEvent()
    {
        var refusal = Refusal(new KubeVersion(1, 33));

        refusal.RefusedBy.ShouldBe(Refusals.PodValidation);
        refusal.Message.ShouldBe(
            "create Pod db-0 in StatefulSet db failed error: Pod \"db-0\" is invalid: "
            + "[spec.dnsPolicy: Unsupported value: \"ClusterFirstWithHostnet\": supported values: \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\", "
            + "spec.hostNetwork: Forbidden: when `pod.Spec.HostUsers` is false]");
    }

    [Fact]
    public void Find_StatefulSetFrom134_RefusesTheStatefulSet()
    {
        var refusal = Refusal(new KubeVersion(1, 34));

        refusal.RefusedBy.ShouldBe(Refusals.ApiServer);
        refusal.Message.ShouldStartWith("The StatefulSet \"db\" is invalid: [spec.template.spec.");
    }

    // The API server stores an object it only warns about (pkg/api/pod/warnings.go): HN021 refuses nothing.
    [Fact]
    public void Find_ApiWarningOnly_RefusesNothing()
    {
        const string Warned = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: agent, namespace: ops}
            spec:
              selector: {matchLabels: {app: agent}}
              template:
                metadata: {labels: {app: agent}}
                spec:
                  containers:
                  - {name: a, image: agent:1, ports: [{containerPort: 9100, hostIP: 10.0.0.1}]}
            """;
        var report = Fixtures.Check(Warned);
        report.Diagnostics.ShouldContain(d => d.Rule.Id == "HN021");

        Refusals.Find(report, Workloads(Warned), "default").ShouldBeEmpty();
    }

    private static Hostnet.Core.Scheduling.Planning.RefusedObject Refusal(KubeVersion version)
    {
        var report = Fixtures.Check(StatefulSet, options: new AnalysisOptions { KubeVersion = version });
        return Refusals.Find(report, Workloads(StatefulSet), "default").Values.ShouldHaveSingleItem();
    }

    private static List<Workload> Workloads(string yaml) =>
        new ManifestLoader().Load(new SourceFile("fixture.yaml", yaml)).Documents.Select(ObjectReader.Read).OfType<Workload>().ToList();
}
