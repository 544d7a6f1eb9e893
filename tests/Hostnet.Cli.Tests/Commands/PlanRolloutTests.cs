using Hostnet.Cli.Tests.Support;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.Commands;

/// <summary><c>hostnet plan --rollout</c> on the stuck-rollout seeds of examples/.</summary>
public sealed class PlanRolloutTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private static string Example(string name) => Path.Combine(RepositoryPaths.Root, "examples", name);

    [Fact]
    public void PlanRollout_DeploymentOneReplicaPerNode_IsStuckWithProgressDeadlineExceeded()
    {
        var result = _sandbox.Run("plan", "--nodes", "3", "--rollout", Example("rollout-stuck-deployment.yaml"), "--format", "json");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Output.ShouldContain("\"workload\": \"Deployment/gateway\",\n      \"outcome\": \"stuck\",\n      \"reason\": \"Progressing=False, reason ProgressDeadlineExceeded: ReplicaSet \\\"gateway-");
        result.Output.ShouldContain("has timed out progressing.");
    }

    [Fact]
    public void PlanRollout_DaemonSetSurgeWithHostPort_IsStuck()
    {
        var result = _sandbox.Run("plan", "--nodes", "3", "--rollout", Example("rollout-stuck-daemonset.yaml"));

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Output.ShouldContain("rollout of DaemonSet/metrics-agent: stuck: Waiting for daemon set \"metrics-agent\" rollout to finish: 0 out of 3 new pods have been updated...");
    }

    [Fact]
    public void PlanRollout_FourReplicasOnFourNodes_Completes()
    {
        var result = _sandbox.Run("plan", "--nodes", "4", "--rollout", Example("nginx-hostnetwork-with-ports.yaml"));

        result.Output.ShouldContain("rollout of Deployment/storefront: completes: deployment \"storefront\" successfully rolled out");
    }
}
