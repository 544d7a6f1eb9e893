using Hostnet.Core.Model;
using Hostnet.Core.Semantics.PodSecurity;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Semantics;

/// <summary>The texts of admission/admission.go (EvaluatePod) and admission/response.go (NewForbidden).</summary>
public sealed class PodSecurityAdmissionTests
{
    private static readonly PodSpec HostNetworkPod = Manifests.Workload("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          hostNetwork: true
          containers:
          - name: app
            ports:
            - containerPort: 8080
        """).Spec;

    [Fact]
    public void ValidatePod_Enforce_DeniesWithForbiddenText()
    {
        var response = PodSecurityAdmission.ValidatePod(Policy("enforce", "baseline"), "p", HostNetworkPod);

        response.Denial!.Text.ShouldBe("pods \"p\" is forbidden: violates PodSecurity \"baseline:latest\": host namespaces (hostNetwork=true), hostPort (container \"app\" uses hostPort 8080)");
        response.Warning.ShouldBeNull();
    }

    [Fact]
    public void ValidatePod_NoName_PodsIsForbidden()
    {
        var response = PodSecurityAdmission.ValidatePod(Policy("enforce", "restricted"), null, HostNetworkPod);

        response.Denial!.Text.ShouldStartWith("pods is forbidden: violates PodSecurity \"restricted:latest\": ");
    }

    [Fact]
    public void ValidatePod_WarnAndAudit_WouldViolate()
    {
        var labels = new Dictionary<string, string>
        {
            [PodSecurityPolicy.WarnLevelLabel] = "baseline",
            [PodSecurityPolicy.WarnVersionLabel] = "v1.30",
            [PodSecurityPolicy.AuditLevelLabel] = "restricted",
        };

        var response = PodSecurityAdmission.ValidatePod(PodSecurityPolicy.FromLabels(labels), "p", HostNetworkPod);

        response.Denial.ShouldBeNull();
        response.Warning!.Text.ShouldBe("would violate PodSecurity \"baseline:v1.30\": host namespaces (hostNetwork=true), hostPort (container \"app\" uses hostPort 8080)");
        response.AuditViolation!.Text.ShouldBe(
            "would violate PodSecurity \"restricted:latest\": host namespaces (hostNetwork=true), hostPort (container \"app\" uses hostPort 8080), "
            + "allowPrivilegeEscalation != false (container \"app\" must set securityContext.allowPrivilegeEscalation=false), "
            + "unrestricted capabilities (container \"app\" must set securityContext.capabilities.drop=[\"ALL\"]), "
            + "runAsNonRoot != true (pod or container \"app\" must set securityContext.runAsNonRoot=true), "
            + "seccompProfile (pod or container \"app\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")");
    }

    [Fact]
    public void ValidatePodController_NeverDenies_WarnsOnTemplateAsStored()
    {
        var response = PodSecurityAdmission.ValidatePodController(Policy("enforce", "baseline"), HostNetworkPod, KubeVersion.Latest);

        response.Denial.ShouldBeNull();
        response.Warning!.Text.ShouldBe("would violate PodSecurity \"baseline:latest\": host namespaces (hostNetwork=true)");
    }

    [Fact]
    public void ValidatePodController_VersionNewerThanKnown_EvaluatedAsLatestPrintedAsWritten()
    {
        var response = PodSecurityAdmission.ValidatePodController(Policy("warn", "baseline", "v1.99"), HostNetworkPod, KubeVersion.Latest);

        response.Warning!.Text.ShouldBe("would violate PodSecurity \"baseline:v1.99\": host namespaces (hostNetwork=true)");
    }

    private static PodSecurityPolicy Policy(string mode, string level, string? version = null)
    {
        var labels = new Dictionary<string, string> { [PodSecurityPolicy.LabelPrefix + mode] = level };
        if (version is not null)
        {
            labels[PodSecurityPolicy.LabelPrefix + mode + "-version"] = version;
        }

        return PodSecurityPolicy.FromLabels(labels);
    }
}
