using Hostnet.Core.Model;
using Hostnet.Core.Semantics.PodSecurity;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics;

/// <summary>
/// The two checks, with the cases of pod-security-admission policy/check_hostNamespaces_test.go and
/// check_hostPorts_test.go, and the aggregation of policy/checks.go.
/// </summary>
public sealed class PodSecurityChecksTests
{
    private static readonly LevelVersion Baseline = new(PodSecurityLevel.Baseline, PodSecurityVersion.Latest);

    [Fact]
    public void HostNamespaces_AllThree_InFixedOrder()
    {
        var pod = Pod("""
            hostIPC: true
            hostPID: true
            hostNetwork: true
            containers:
            - name: a
            """);

        Evaluate(pod).ForbiddenDetail().ShouldBe("host namespaces (hostNetwork=true, hostPID=true, hostIPC=true)");
    }

    [Fact]
    public void HostPorts_OneContainer_Singular()
    {
        var pod = Pod("""
            containers:
            - name: a
              ports: [{containerPort: 1, hostPort: 0}]
            - name: b
              ports: [{containerPort: 1, hostPort: 0}, {containerPort: 2, hostPort: 20}]
            """);

        Evaluate(pod).ForbiddenDetail().ShouldBe("hostPort (container \"b\" uses hostPort 20)");
    }

    [Fact]
    public void HostPorts_SeveralContainers_PluralAndDeduplicated()
    {
        var pod = Pod("""
            containers:
            - name: a
              ports: [{containerPort: 1, hostPort: 0}]
            - name: b
              ports: [{containerPort: 1, hostPort: 0}, {containerPort: 2, hostPort: 10}, {containerPort: 3, hostPort: 20}]
            - name: c
              ports: [{containerPort: 1, hostPort: 0}, {containerPort: 2, hostPort: 10}, {containerPort: 3, hostPort: 30}]
            """);

        Evaluate(pod).ForbiddenDetail().ShouldBe("hostPort (containers \"b\", \"c\" use hostPorts 10, 20, 30)");
    }

    [Fact]
    public void HostPorts_PortsSortedAsStrings_ContainersInVisitOrder()
    {
        var pod = Pod("""
            containers:
            - name: app
              ports: [{containerPort: 9090, hostPort: 9090}, {containerPort: 80, hostPort: 80}]
            ephemeralContainers:
            - name: debug
              ports: [{containerPort: 80, hostPort: 80}]
            initContainers:
            - name: init
              ports: [{containerPort: 10250, hostPort: 10250}]
            """);

        Evaluate(pod).ForbiddenDetail().ShouldBe("hostPort (containers \"init\", \"app\", \"debug\" use hostPorts 10250, 80, 9090)");
    }

    [Fact]
    public void HostPorts_OneContainerSeveralPorts_ContainerSingularPortsPlural()
    {
        var pod = Pod("""
            containers:
            - name: app
              ports: [{containerPort: 443, hostPort: 443}, {containerPort: 80, hostPort: 80}]
            """);

        Evaluate(pod).ForbiddenDetail().ShouldBe("hostPort (container \"app\" uses hostPorts 443, 80)");
    }

    [Fact]
    public void HostNetwork_PodDefaultsHostPort_TemplateSince128DoesNot()
    {
        var spec = Pod("""
            hostNetwork: true
            containers:
            - name: app
              ports: [{containerPort: 8080}]
            """);

        PodSecurityEvaluator.Evaluate(Baseline, EvaluatedPodSpec.Pod(spec)).ForbiddenDetail()
            .ShouldBe("host namespaces (hostNetwork=true), hostPort (container \"app\" uses hostPort 8080)");
        PodSecurityEvaluator.Evaluate(Baseline, EvaluatedPodSpec.Template(spec, new KubeVersion(1, 28))).ForbiddenDetail()
            .ShouldBe("host namespaces (hostNetwork=true)");
        PodSecurityEvaluator.Evaluate(Baseline, EvaluatedPodSpec.Template(spec, new KubeVersion(1, 27))).ForbiddenDetail()
            .ShouldBe("host namespaces (hostNetwork=true), hostPort (container \"app\" uses hostPort 8080)");
    }

    [Fact]
    public void Privileged_ChecksNothing_RestrictedV10_BaselineAndTheRestrictedChecksOf10()
    {
        var spec = Pod("""
            hostNetwork: true
            containers:
            - name: app
            """);

        PodSecurityEvaluator.Evaluate(LevelVersion.PrivilegedLatest, EvaluatedPodSpec.Pod(spec)).Allowed.ShouldBeTrue();
        PodSecurityEvaluator.Evaluate(new LevelVersion(PodSecurityLevel.Restricted, PodSecurityVersion.V1(0)), EvaluatedPodSpec.Pod(spec)).ForbiddenDetail()
            .ShouldBe("host namespaces (hostNetwork=true), runAsNonRoot != true (pod or container \"app\" must set securityContext.runAsNonRoot=true)");
    }

    private static PodSecurityResult Evaluate(PodSpec spec) => PodSecurityEvaluator.Evaluate(Baseline, EvaluatedPodSpec.Pod(spec));

    private static PodSpec Pod(string spec) =>
        Manifests.Workload("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n" + string.Join('\n', spec.Split('\n').Select(l => "  " + l))).Spec;
}
