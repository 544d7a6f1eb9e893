using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Model;
using Hostnet.Core.Rules.Security;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Rules;

public sealed class PodSecurityViolationTests
{
    private const string Namespace = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: apps
          labels:
            pod-security.kubernetes.io/enforce: baseline
        ---

        """;

    [Fact]
    public void Pod_Enforced_MessageIsTheAdmissionError()
    {
        var finding = Single(Namespace + """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: apps}
            spec:
              hostNetwork: true
              containers:
              - name: app
                ports: [{containerPort: 8080}]
            """);

        finding.Severity.ShouldBe(Severity.Error);
        finding.Message.ShouldBe("pods \"web\" is forbidden: violates PodSecurity \"baseline:latest\": host namespaces (hostNetwork=true), hostPort (container \"app\" uses hostPort 8080)");
    }

    [Fact]
    public void Deployment_PodsRejected_SaysSoAndQuotesTheWarning()
    {
        var finding = Single(Namespace + """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: apps}
            spec:
              template:
                spec:
                  hostNetwork: true
                  containers:
                  - name: app
                    ports: [{containerPort: 8080}]
            """);

        finding.Severity.ShouldBe(Severity.Error);
        finding.Message.ShouldBe(
            "every pod it creates is rejected, as FailedCreate events on its ReplicaSet: Error creating: pods \"web-…\" is forbidden: violates PodSecurity \"baseline:latest\": host namespaces (hostNetwork=true), hostPort (container \"app\" uses hostPort 8080); "
            + "applying the Deployment itself only prints \"Warning: would violate PodSecurity \"baseline:latest\": host namespaces (hostNetwork=true)\" "
            + "(which leaves out the hostPort: since 1.28 only Pods get hostPort defaulted from containerPort, templates do not)");
    }

    [Fact]
    public void Deployment_Before128_TemplateWarningListsTheHostPort()
    {
        var finding = Single(
            Namespace + """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: apps}
            spec:
              template:
                spec:
                  hostNetwork: true
                  containers:
                  - name: app
                    ports: [{containerPort: 8080}]
            """,
            AnalysisOptions.Default with { KubeVersion = new KubeVersion(1, 27) });

        finding.Message.ShouldEndWith("applying the Deployment itself only prints \"Warning: would violate PodSecurity \"baseline:latest\": host namespaces (hostNetwork=true), hostPort (container \"app\" uses hostPort 8080)\"");
    }

    [Fact]
    public void StatefulSet_EventNamesTheOrdinalPod()
    {
        var finding = Single(Namespace.Replace("enforce: baseline", "enforce: baseline\n    pod-security.kubernetes.io/warn: privileged", StringComparison.Ordinal) + """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, namespace: apps}
            spec:
              template:
                spec:
                  hostPID: true
                  containers:
                  - name: db
            """);

        finding.Message.ShouldBe(
            "every pod it creates is rejected, as FailedCreate events on the StatefulSet: create Pod db-0 in StatefulSet db failed error: pods \"db-0\" is forbidden: violates PodSecurity \"baseline:latest\": host namespaces (hostPID=true); "
            + "applying the StatefulSet itself succeeds without a warning");
    }

    [Fact]
    public void WarnOnly_WarningWithKubectlPrefix()
    {
        var finding = Single(Namespace.Replace("enforce: baseline", "warn: baseline", StringComparison.Ordinal) + """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent, namespace: apps}
            spec:
              template:
                spec:
                  hostNetwork: true
                  containers:
                  - name: agent
            """);

        finding.Severity.ShouldBe(Severity.Warning);
        finding.Message.ShouldBe("Warning: would violate PodSecurity \"baseline:latest\": host namespaces (hostNetwork=true) (its pods are admitted because enforce is \"privileged:latest\"; kubectl prints the warning)");
    }

    [Fact]
    public void AuditOnly_NamesTheAnnotation()
    {
        var finding = Single(Namespace.Replace("enforce: baseline", "audit: baseline", StringComparison.Ordinal) + """
            apiVersion: v1
            kind: Pod
            metadata: {name: agent, namespace: apps}
            spec:
              hostIPC: true
              containers:
              - name: agent
            """);

        finding.Severity.ShouldBe(Severity.Warning);
        finding.Message.ShouldBe("audit annotation pod-security.kubernetes.io/audit-violations: would violate PodSecurity \"baseline:latest\": host namespaces (hostIPC=true) (the pod is admitted because enforce is \"privileged:latest\"; only the audit log records it)");
    }

    private static Diagnostic Single(string yaml, AnalysisOptions? options = null) =>
        Fixtures.Check(yaml, options: options).Diagnostics.Single(d => d.Rule == PodSecurityViolation.Rule);
}
