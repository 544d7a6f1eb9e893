using System.Text;
using Hostnet.Cli.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.Commands;

public sealed class FixCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Fix_WithoutWriteOrDiff_PrintsFixedTextAndLeavesFile()
    {
        _sandbox.Write("pod.yaml", Manifests.Warning);

        var result = _sandbox.Run("fix", "pod.yaml");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldBe(Manifests.WarningFixed);
        result.Error.ShouldContain("pod.yaml: HN030 fixed: added spec.dnsPolicy: \"ClusterFirstWithHostNet\"");
        _sandbox.Read("pod.yaml").ShouldBe(Manifests.Warning);
    }

    [Fact]
    public void Fix_Diff_PrintsUnifiedDiff()
    {
        _sandbox.Write("pod.yaml", Manifests.Error);

        var result = _sandbox.Run("fix", "--diff", "pod.yaml");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldBe("""
            --- a/pod.yaml
            +++ b/pod.yaml
            @@ -5,7 +5,7 @@
               namespace: ops
             spec:
               hostNetwork: true
            -  dnsPolicy: ClusterFirstWithHostNetwork
            +  dnsPolicy: ClusterFirstWithHostNet
               containers:
                 - name: agent
                   image: registry.example.com/agent:1.0
            \ No newline at end of file

            """);
    }

    [Fact]
    public void Fix_Write_RewritesInPlaceKeepingModeAndNothingElse()
    {
        var path = _sandbox.Write("deploy/pod.yaml", Manifests.Warning);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        }

        var result = _sandbox.Run("fix", "--write", "deploy");
        var again = _sandbox.Run("fix", "--write", "deploy");

        result.ExitCode.ShouldBe(0, result.ToString());
        _sandbox.Read("deploy/pod.yaml").ShouldBe(Manifests.WarningFixed);
        Directory.GetFiles(Path.GetDirectoryName(path)!).ShouldBe([path]);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        }

        again.ExitCode.ShouldBe(0, again.ToString());
        again.Error.ShouldStartWith("hostnet: 0 fix(es) in 0 file(s) written");
    }

    [Fact]
    public void Fix_Write_KeepsByteOrderMark()
    {
        var path = Path.Combine(_sandbox.Root, "pod.yaml");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Manifests.Warning)]);

        _sandbox.Run("fix", "-w", "pod.yaml").ExitCode.ShouldBe(0);

        File.ReadAllBytes(path).ShouldBe([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Manifests.WarningFixed)]);
    }

    [Fact]
    public void Fix_StandardInput_WritesFixedStream()
    {
        var result = _sandbox.Run(["fix", "-"], standardInput: Manifests.Warning);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldBe(Manifests.WarningFixed);
    }

    [Fact]
    public void Fix_SeveralFiles_MakeOneStream()
    {
        _sandbox.Write("a.yaml", Manifests.Clean);
        _sandbox.Write("b.yaml", Manifests.Warning);

        var result = _sandbox.Run("fix", "a.yaml", "b.yaml");

        result.Output.ShouldBe(Manifests.Clean + "\n---\n" + Manifests.WarningFixed);
    }

    [Fact]
    public void Fix_WrongCaseKey_RenamesItAndKeepsTheLine()
    {
        var text = Manifests.WarningFixed.Replace("  hostNetwork: true", "  hostnetwork: true  # on the node", StringComparison.Ordinal);
        _sandbox.Write("pod.yaml", text);

        var result = _sandbox.Run("fix", "pod.yaml");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldBe(text.Replace("hostnetwork:", "hostNetwork:", StringComparison.Ordinal));
        result.Error.ShouldContain("pod.yaml: HN004 fixed: renamed spec.hostnetwork to spec.hostNetwork");
    }

    [Fact]
    public void Fix_RuleFilter_LeavesOtherFindings()
    {
        _sandbox.Write("pod.yaml", Manifests.Warning);

        var result = _sandbox.Run("fix", "pod.yaml", "--rule", "HN002", "--fail-on", "warning");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Output.ShouldBe(Manifests.Warning);
        result.Error.ShouldContain("1 finding(s) left (HN030)");
    }

    [Fact]
    public void Fix_UnfixableError_Exits1()
    {
        _sandbox.Write("pod.yaml", """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: a
                image: example.com/a:1
                ports: [{containerPort: 70000}]
            """);

        var result = _sandbox.Run("fix", "pod.yaml");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldContain("finding(s) left (HN005)");
    }

    [Theory]
    [InlineData("fix", "--write", "--diff", "pod.yaml")]
    [InlineData("fix", "--force", "pod.yaml")]
    [InlineData("fix", "--rule", "HN012", "pod.yaml")]
    [InlineData("fix", "missing.yaml")]
    public void Fix_BadUsageOrInput_Exits2(params string[] args)
    {
        _sandbox.Write("pod.yaml", Manifests.Warning);

        var result = _sandbox.Run(args);

        result.ExitCode.ShouldBe(2, result.ToString());
        _sandbox.Read("pod.yaml").ShouldBe(Manifests.Warning);
    }
}
