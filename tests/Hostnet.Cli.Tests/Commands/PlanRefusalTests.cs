using System.Text.Json;
using Hostnet.Cli.Tests.Support;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.Commands;

/// <summary>
/// Plan agrees with check: what the API server's validation or Pod Security refuses is never created, is shown as
/// rejected with Kubernetes' message, and counts in the exit code; copies of one object get one outcome.
/// </summary>
public sealed class PlanRefusalTests : IDisposable
{
    private const string InvalidDnsPolicyPod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: toolbox, namespace: netops}
        spec:
          hostNetwork: true
          dnsPolicy: ClusterFirstWithHostNetwork
          containers:
            - name: toolbox
              image: busybox:1.36
        """;

    private const string BaselineNamespaceWithHostNetworkPod = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels: {pod-security.kubernetes.io/enforce: baseline}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: agent, namespace: shop}
        spec:
          hostNetwork: true
          dnsPolicy: ClusterFirstWithHostNet
          containers:
            - name: agent
              image: registry.example.com/agent:1.0
        """;

    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Plan_PodTheApiServerRejects_IsRejectedNotRunning()
    {
        _sandbox.Write("pod.yaml", InvalidDnsPolicyPod);

        var result = _sandbox.Run("plan", "pod.yaml", "--nodes", "1");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Output.ShouldNotContain("Running");
        result.Output.ShouldContain("netops/toolbox (Pod/toolbox): rejected by the API server, no pod of it is created\n"
            + "  The Pod \"toolbox\" is invalid: spec.dnsPolicy: Unsupported value: \"ClusterFirstWithHostNetwork\": supported values: \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\"\n");
        result.Output.ShouldContain("1 object(s) of the input rejected: Pod/toolbox.\n");
    }

    [Fact]
    public void Plan_PodPodSecurityRejects_IsRejectedWithCheckMessage()
    {
        _sandbox.Write("pod.yaml", BaselineNamespaceWithHostNetworkPod);

        var check = JsonDocument.Parse(_sandbox.Run("check", "pod.yaml", "--format", "json").Output).RootElement;
        var checkMessage = check.GetProperty("diagnostics").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == "HN050").GetProperty("message").GetString();
        var result = _sandbox.Run("plan", "pod.yaml", "--nodes", "1", "--format", "json");

        result.ExitCode.ShouldBe(1, result.ToString());
        var plan = JsonDocument.Parse(result.Output).RootElement;
        plan.GetProperty("pods").EnumerateArray().ShouldBeEmpty();
        var rejected = plan.GetProperty("rejected").EnumerateArray().Single();
        rejected.GetProperty("rejectedBy").GetString().ShouldBe("Pod Security");
        rejected.GetProperty("message").GetString().ShouldBe(checkMessage);
        checkMessage.ShouldBe("pods \"agent\" is forbidden: violates PodSecurity \"baseline:latest\": host namespaces (hostNetwork=true)");
    }

    [Fact]
    public void PlanRollout_DeploymentTheApiServerRejects_HasNoRollout()
    {
        _sandbox.Write("deploy.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: gateway, namespace: edge}
            spec:
              replicas: 1
              selector: {matchLabels: {app: gateway}}
              template:
                metadata: {labels: {app: gateway}}
                spec:
                  hostNetwork: true
                  dnsPolicy: Sometimes
                  containers:
                    - name: gateway
                      image: registry.example.com/gateway:1.0
            """);

        var result = _sandbox.Run("plan", "deploy.yaml", "--nodes", "2", "--rollout");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Output.ShouldNotContain("rollout of");
        result.Output.ShouldContain("  The Deployment \"gateway\" is invalid: spec.template.spec.dnsPolicy: Unsupported value: \"Sometimes\": supported values: \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\"\n");
    }

    [Fact]
    public void Plan_UnknownField_IsRejectedAsStrictDecodingDoes()
    {
        var result = _sandbox.Run("plan", Path.Combine(RepositoryPaths.Root, "examples", "sidecar-hostnetwork-misplaced.yaml"), "--nodes", "2");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Output.ShouldContain("): rejected by the API server, no pod of it is created\n  Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.template.spec.containers[");
        result.Output.ShouldNotContain("Running");
    }

    [Fact]
    public void PlanRollout_SameDeploymentTwice_OneOutcome()
    {
        var result = _sandbox.Run(
            "plan",
            Path.Combine(RepositoryPaths.Root, "examples", "nginx-hostnetwork-no-ports.yaml"),
            Path.Combine(RepositoryPaths.Root, "examples", "nginx-hostnetwork-with-ports.yaml"),
            "--nodes", "4", "--rollout");

        result.Output.Split('\n').Count(l => l.StartsWith("rollout of Deployment/storefront:", StringComparison.Ordinal)).ShouldBe(1, result.ToString());
        result.Output.ShouldContain("appears more than once in the input; the last one the API server accepts is planned");
    }

    [Fact]
    public void Plan_LaterCopyRejected_EarlierCopyStays()
    {
        _sandbox.Write("a.yaml", InvalidDnsPolicyPod.Replace("ClusterFirstWithHostNetwork", "ClusterFirstWithHostNet", StringComparison.Ordinal));
        _sandbox.Write("b.yaml", InvalidDnsPolicyPod);

        var result = _sandbox.Run("plan", "a.yaml", "b.yaml", "--nodes", "1", "--format", "json");

        var plan = JsonDocument.Parse(result.Output).RootElement;
        plan.GetProperty("pods").EnumerateArray().Single().GetProperty("status").GetString().ShouldBe("Running");
        plan.GetProperty("rejected").EnumerateArray().Single().GetProperty("name").GetString().ShouldBe("toolbox");
        result.ExitCode.ShouldBe(1, result.ToString());
    }
}
