using System.Text;
using Hostnet.Core.Admission;
using Hostnet.Core.Analysis;
using Hostnet.Core.Configuration;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Rules.Dns;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Admission;

public sealed class AdmissionEvaluatorTests
{
    private const string HostNetworkPod = """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"agent"},
         "spec":{"hostNetwork":true,"dnsPolicy":"ClusterFirstWithHostNet","serviceAccountName":"agent",
                 "containers":[{"name":"agent","image":"example.com/agent:1","ports":[{"containerPort":9100}]}]}}
        """;

    private static AdmissionDecision Validate(string policy, string json = HostNetworkPod, string @namespace = "apps")
    {
        var problems = new List<InputProblem>();
        var parsed = policy.Length == 0 ? WebhookPolicy.Default : PolicyReader.Read(new SourceFile("policy.yaml", policy), problems);
        problems.ShouldBeEmpty();
        return AdmissionEvaluator.Validate(new AdmissionSubject("Pod", "CREATE", @namespace, null, Encoding.UTF8.GetBytes(json), null), parsed);
    }

    [Fact]
    public void Validate_CleanPodWithoutPolicy_IsAllowed()
    {
        var decision = Validate("");
        decision.Verdict.ShouldBe(AdmissionVerdict.Allowed);
        decision.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void Validate_HostNetworkOutsideAllowedNamespaces_IsDeniedWithThePolicyFinding()
    {
        var decision = Validate("hostNetwork: {namespaces: [monitoring], serviceAccounts: [apps/other]}\n");
        decision.Allowed.ShouldBeFalse();
        decision.DenialMessage.ShouldBe("""
            hostnet: the Pod has 1 finding the policy denies:
            - host-network-not-allowed spec.hostNetwork: the webhook policy does not allow host networking for namespace "apps", service account "agent" (allowed: namespaces monitoring; service accounts apps/other) (fix: drop hostNetwork, or run it where the policy allows host networking)
            """.TrimEnd('\n'));
    }

    [Theory]
    [InlineData("hostNetwork: {namespaces: [apps]}\n")]
    [InlineData("hostNetwork: {serviceAccounts: [apps/agent]}\n")]
    [InlineData("hostNetwork: {images: [\"example.com/*\"]}\n")]
    public void Validate_HostNetworkAllowedByOneParty_IsAllowed(string policy) =>
        Validate(policy).Verdict.ShouldBe(AdmissionVerdict.Allowed);

    [Fact]
    public void Validate_HostPortOutsideRange_IsFoundAtThePort()
    {
        var finding = Validate("hostPorts: {ranges: {apps: [\"20000-20999\"]}}\n").Findings.ShouldHaveSingleItem();
        finding.Id.ShouldBe(PolicyFinding.HostPortOutOfRange);
        finding.FieldPath.ShouldBe("spec.containers[0].ports[0].containerPort");
        finding.Message.ShouldBe("host port 9100/TCP is outside the ranges the webhook policy allows in namespace \"apps\" (20000-20999)");
    }

    [Theory]
    [InlineData("mode: enforce\n", false, AdmissionVerdict.Denied, 0)]
    [InlineData("mode: warn\n", true, AdmissionVerdict.WouldDeny, 1)]
    [InlineData("mode: dryrun\n", true, AdmissionVerdict.WouldDeny, 0)]
    public void Validate_Mode_DecidesWhatADenialBecomes(string mode, bool allowed, AdmissionVerdict verdict, int warnings)
    {
        var decision = Validate(mode + "hostNetwork: {namespaces: []}\n");
        decision.Allowed.ShouldBe(allowed);
        decision.Verdict.ShouldBe(verdict);
        decision.Warnings.Count.ShouldBe(warnings);
        if (mode == "mode: dryrun\n")
        {
            decision.AuditAnnotations.Keys.ShouldBe(["host-network-not-allowed"]);
        }
    }

    [Fact]
    public void Validate_RuleActionOff_DropsTheFinding() =>
        Validate("actions: {HN030: off}\n", HostNetworkPod.Replace("\"dnsPolicy\":\"ClusterFirstWithHostNet\",", "", StringComparison.Ordinal))
            .Verdict.ShouldBe(AdmissionVerdict.Allowed);

    [Theory]
    [InlineData("Service", "CREATE", null)]
    [InlineData("Pod", "DELETE", null)]
    [InlineData("Pod", "UPDATE", "status")]
    public void Validate_OtherKindsOperationsAndSubresources_AreIgnored(string kind, string operation, string? subResource) =>
        AdmissionEvaluator.Validate(new AdmissionSubject(kind, operation, "apps", subResource, "{}"u8.ToArray(), null), WebhookPolicy.Default)
            .ShouldBeSameAs(AdmissionDecision.Ignored);

    [Fact]
    public void OptionsFor_IsBuiltOncePerPolicyAndNamespace_AndAReplacedPolicyGetsItsOwn()
    {
        var policy = new WebhookPolicy();
        var apps = new AdmissionSubject("Pod", "CREATE", "apps", null, Encoding.UTF8.GetBytes(HostNetworkPod), null);
        var first = AdmissionEvaluator.OptionsFor(apps, policy);
        first.DefaultNamespace.ShouldBe("apps");
        AdmissionEvaluator.OptionsFor(apps, policy).ShouldBeSameAs(first);
        AdmissionEvaluator.OptionsFor(apps with { Namespace = "monitoring" }, policy).DefaultNamespace.ShouldBe("monitoring");
        AdmissionEvaluator.OptionsFor(apps with { Namespace = null }, policy).DefaultNamespace.ShouldBe(KubeObject.KubernetesDefaultNamespace);

        var reloaded = policy with { Config = HostnetConfig.Empty with { Rules = new Dictionary<string, RuleLevel> { ["HN030"] = RuleLevel.Off } } };
        var options = AdmissionEvaluator.OptionsFor(apps, reloaded);
        options.ShouldNotBeSameAs(first);
        options.Runs(HostNetworkClusterDns.Rule).ShouldBeFalse();
        first.Runs(HostNetworkClusterDns.Rule).ShouldBeTrue();
    }

    [Fact]
    public void Validate_AuditedFindingsOfOneRule_ShareOneAnnotationInTheirOrder()
    {
        var twoPorts = HostNetworkPod.Replace("[{\"containerPort\":9100}]", "[{\"containerPort\":9100},{\"containerPort\":9200}]", StringComparison.Ordinal);
        var decision = Validate("mode: dryrun\nhostPorts: {ranges: {\"*\": [\"30000-32767\"]}}\n", twoPorts);
        decision.AuditAnnotations.Keys.ShouldBe(["host-port-out-of-range"]);
        decision.AuditAnnotations["host-port-out-of-range"].ShouldBe(
            "spec.containers[0].ports[0].containerPort: host port 9100/TCP is outside the ranges the webhook policy allows in namespace \"apps\" (30000-32767); "
            + "spec.containers[0].ports[1].containerPort: host port 9200/TCP is outside the ranges the webhook policy allows in namespace \"apps\" (30000-32767)");
    }
}
