using Hostnet.Core.Rules.Services;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

public sealed class ServiceSelectsNothingTests
{
    [Fact]
    public void Typo_NamesTheNearestWorkloadAndItsLabel()
    {
        var report = Fixtures.Check("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: frontend}
            spec:
              template:
                metadata:
                  labels: {app: frontend, tier: web}
                spec:
                  containers: [{name: web}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: frontend}
            spec:
              selector: {app: fronted, tier: web}
            """);

        report.Diagnostics.Single(d => d.Rule == ServiceSelectsNothing.Rule).Message.ShouldBe(
            "selector app=fronted,tier=web matches no pod in namespace \"default\"; the nearest is Deployment/frontend, whose pods have app=frontend: the Service has no endpoints, so connections to it are refused");
    }

    [Fact]
    public void LabelsOnlyOnTheWorkload_SaysTheyAreNotThePodsLabels()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.TestData, "rules", "HN040-service-selects-nothing", "fail-labels-only-on-workload.yaml"));

        var finding = Fixtures.Check(text).Diagnostics.Single(d => d.Rule == ServiceSelectsNothing.Rule);

        finding.Message.ShouldBe(
            "selector app=exporter matches no pod in namespace \"monitoring\"; DaemonSet/exporter carries these labels on its own metadata.labels, but a Service selects pods, "
            + "and its pods get the labels of spec.template.metadata.labels, which has name=exporter: the Service has no endpoints, so connections to it are refused");
        finding.Fix.ShouldBe("add app=exporter to DaemonSet/exporter's spec.template.metadata.labels");
    }
}
