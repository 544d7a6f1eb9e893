using Hostnet.Core.Admission;
using Hostnet.Core.Analysis;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Core.Semantics.Ports;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Admission;

public sealed class PolicyReaderTests
{
    private static (WebhookPolicy Policy, List<InputProblem> Problems) Read(string text)
    {
        var problems = new List<InputProblem>();
        return (PolicyReader.Read(new SourceFile("policy.yaml", text), problems), problems);
    }

    [Fact]
    public void Read_FullFile_YieldsEverySetting()
    {
        var (policy, problems) = Read("""
            kubeVersion: "1.30"
            rules: {HN017: off}
            mode: dryrun
            actions: {HN030: deny, host-port-out-of-range: warn}
            hostNetwork:
              namespaces: [kube-system]
              serviceAccounts: [monitoring/node-exporter]
              images: ["quay.io/prometheus/node-exporter:*"]
            hostPorts:
              namespaces: [ingress]
              ranges: {ingress: [80, 443], "*": ["20000-20999"]}
            mutations: [HN030, daemonset-surge-host-ports]
            """);
        problems.ShouldBeEmpty();
        policy.Config.Rules["HN017"].ShouldBe(RuleLevel.Off);
        policy.Mode.ShouldBe(PolicyMode.DryRun);
        policy.Actions.ShouldBe(new Dictionary<string, PolicyAction> { ["HN030"] = PolicyAction.Deny, ["host-port-out-of-range"] = PolicyAction.Warn }, ignoreOrder: true);
        policy.HostNetwork!.Allows("monitoring", "node-exporter", ["busybox"]).ShouldBeTrue();
        policy.HostNetwork.Allows("apps", "default", ["quay.io/prometheus/node-exporter:v1.8.0"]).ShouldBeTrue();
        policy.HostNetwork.Allows("apps", "default", ["quay.io/prometheus/node-exporter:v1.8.0", "busybox"]).ShouldBeFalse();
        policy.HostPorts!.Allows("ingress", "default", []).ShouldBeTrue();
        policy.RangesFor("ingress").ShouldBe([new PortRange(80, 80), new PortRange(443, 443)]);
        policy.RangesFor("apps").ShouldBe([new PortRange(20000, 20999)]);
        policy.Mutations.ShouldBe(["HN030", "HN016"], ignoreOrder: true);
    }

    [Fact]
    public void Read_DefaultsWrittenOut_IsTheDefaultPolicy()
    {
        var (policy, problems) = Read("mode: enforce\n");
        problems.ShouldBeEmpty();
        policy.ShouldBe(WebhookPolicy.Default);
        policy.HostNetwork.ShouldBeNull();
        policy.RangesFor("any").ShouldBeNull();
    }

    [Fact]
    public void Read_EmptyFile_IsAProblem_NotThePolicyToSwitchTo() =>
        Read("# nothing yet\n").Problems.ShouldHaveSingleItem().Message.ShouldBe("the policy file is empty (write \"mode: enforce\" for the defaults)");

    [Theory]
    [InlineData("mode: strict\n", 1, 7, "mode must be enforce, warn or dryrun")]
    [InlineData("actions: {HN030: block}\n", 1, 18, "the action of HN030 must be deny, warn, audit or off")]
    [InlineData("actions: {HN999: deny}\n", 1, 11, "unknown rule \"HN999\" (see hostnet rules; policy findings: host-network-not-allowed, host-port-not-allowed, host-port-out-of-range)")]
    [InlineData("hostNetwork: [a]\n", 1, 14, "hostNetwork must be a mapping")]
    [InlineData("hostNetwork: {users: [a]}\n", 1, 15, "unknown key \"users\" in hostNetwork (known: namespaces, serviceAccounts, images)")]
    [InlineData("hostNetwork: {serviceAccounts: [node-exporter]}\n", 1, 33, "a service account in hostNetwork.serviceAccounts must be written namespace/name, not \"node-exporter\"")]
    [InlineData("hostPorts: {ranges: {apps: [\"9000-8000\"]}}\n", 1, 29, "the host port ranges of \"apps\" must be ports or \"FROM-TO\" ranges (1-65535)")]
    [InlineData("mutations: [HN050]\n", 1, 13, "HN050 has no fix to apply as a mutation")]
    // HN003, HN006 and HN043 were once flagged fixable without a fixer, so the webhook accepted them and mutated nothing.
    [InlineData("mutations: [HN006]\n", 1, 13, "HN006 has no fix to apply as a mutation")]
    [InlineData("mutations: [HN043]\n", 1, 13, "HN043 has no fix to apply as a mutation")]
    [InlineData("colour: red\n", 1, 1, "unknown policy key \"colour\" (known: kubeVersion, defaultNamespace, rules, reservedPorts, mode, actions, hostNetwork, hostPorts, mutations)")]
    [InlineData("rules: {HN030: loud}\n", 1, 16, "the level of HN030 must be off, info, warning or error")]
    public void Read_BadSetting_IsAPositionedProblem(string text, int line, int column, string message)
    {
        var problem = Read(text).Problems.ShouldHaveSingleItem();
        problem.Message.ShouldBe(message);
        problem.Position.ShouldBe(new SourcePosition(line, column));
    }
}
