using Hostnet.Cli.Tests.Support;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.Commands;

/// <summary><c>hostnet agent --once</c> over the recorded /proc trees of tests/Hostnet.Agent.Tests: report, format and exit codes.</summary>
public sealed class AgentCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private static string Layout(string name) => Path.Combine(RepositoryPaths.Root, "tests", "Hostnet.Agent.Tests", "testdata", "proc", name);

    [Theory]
    [InlineData("cgroup-v1-cgroupfs-docker", "json", 1)]
    [InlineData("cgroup-v2-systemd-containerd", "text", 0)]
    [InlineData("cgroup-v2-systemd-crio", "text", 0)]
    public void Agent_RecordedProc_PrintsTheReportAndExitsAsCheck(string layout, string format, int exitCode)
    {
        var root = Layout(layout);

        var result = _sandbox.Run("agent", "--once", "--node", "node-a", "--proc-root", root, "--cluster", Path.Combine(root, "pods.json"), "--format", format);

        result.ExitCode.ShouldBe(exitCode, result.ToString());
        result.Output.ShouldBe(File.ReadAllText(Path.Combine(root, format == "json" ? "expected.json" : "expected.txt")));
    }

    [Fact]
    public void Agent_FailOnWarning_ExitsOneForAWarning()
    {
        var root = Layout("cgroup-v2-systemd-crio");

        var result = _sandbox.Run("agent", "--once", "--node", "node-a", "--proc-root", root, "--cluster", Path.Combine(root, "pods.json"), "--fail-on", "warning");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Output.ShouldContain("HN063 warning edge/gateway/gateway 30443/TCP");
    }

    [Theory]
    [InlineData("hostnet: --cluster needs --once: the DaemonSet watches the API server's pods", "agent")]
    [InlineData("hostnet: --interval must be a duration like 30s, 2m or 1m30s, not '0'", "agent", "--interval", "0")]
    [InlineData("hostnet: --listen must look like :9477, 0.0.0.0:9477 or [::]:9477, not '9477'", "agent", "--listen", "9477")]
    [InlineData("hostnet: --grace must be a duration like 60s, 2m or 1m30s, not '1.5x'", "agent", "--once", "--grace", "1.5x")]
    [InlineData("hostnet: --proc-root /nonexistent-proc: no such directory", "agent", "--once", "--proc-root", "/nonexistent-proc")]
    public void Agent_BadUsage_ExitsTwoWithOneLine(string error, params string[] args)
    {
        var result = _sandbox.Run([.. args, "--cluster", Path.Combine(Layout("cgroup-v2-systemd-crio"), "pods.json")]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.Trim().ShouldBe(error);
    }
}
