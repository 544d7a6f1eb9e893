using System.Diagnostics;
using Hostnet.Cli.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.CommandLine;

/// <summary>What a new user ran into (issue 11, "Ship it"), one test per defect.</summary>
public sealed class NewUserDefectTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void UnknownCommand_OneLineNamingIt()
    {
        var result = _sandbox.Run("bogus");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldBe("hostnet: Unrecognized command or argument 'bogus' (see 'hostnet --help')\n");
    }

    [Fact]
    public void Snapshot_RequestTimeoutInKubectlForm_IsTaken()
    {
        var result = _sandbox.Run("snapshot", "--request-timeout", "5s", "--kubeconfig", "missing-kubeconfig");

        // Past the option: the run fails on the kubeconfig, not on the timeout.
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldNotContain("timeout", Case.Insensitive);
        result.Error.ShouldContain("missing-kubeconfig");
    }

    [Fact]
    public void Check_FolderWithoutManifests_Exits2()
    {
        Directory.CreateDirectory(Path.Combine(_sandbox.Root, "emptydir"));

        var result = _sandbox.Run("check", "emptydir");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Output.ShouldBeEmpty();
        result.Error.ShouldBe("hostnet: no *.yaml, *.yml or *.json file in emptydir: nothing to check (--allow-empty makes this exit 0)\n");
    }

    [Fact]
    public void Check_FolderWithoutManifestsAllowed_Exits0()
    {
        Directory.CreateDirectory(Path.Combine(_sandbox.Root, "emptydir"));

        var result = _sandbox.Run("check", "emptydir", "--allow-empty");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Error.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("check")]
    [InlineData("plan")]
    [InlineData("dns")]
    public void KubeVersion_OlderThanTheOldestMirrored_Exits2(string command)
    {
        _sandbox.Write("app.yaml", Manifests.Warning);

        var result = _sandbox.Run(command, "app.yaml", "--kube-version", "1.10");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldBe("hostnet: --kube-version 1.10 is older than 1.24, the oldest release whose behaviour hostnet mirrors (1.24 to 1.37)\n");
    }

    [Fact]
    public void KubeVersion_TheOldestMirrored_IsTaken()
    {
        _sandbox.Write("app.yaml", Manifests.Warning);

        _sandbox.Run("check", "app.yaml", "--kube-version", "1.24").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Config_KubeVersionOlderThanTheOldestMirrored_IsAPositionedProblem()
    {
        _sandbox.Write("app.yaml", Manifests.Warning);
        _sandbox.Write(".hostnet.yaml", "kubeVersion: \"1.20\"\n");

        var result = _sandbox.Run("check", "app.yaml");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldBe("hostnet: .hostnet.yaml:1:14: kubeVersion 1.20 is older than 1.24, the oldest release whose behaviour hostnet mirrors\n");
    }

    [Theory]
    [InlineData(".")]
    [InlineData("./x.yaml")]
    [InlineData("sub/../x.yaml")]
    public void Fix_Diff_IsTakenByGitApply(string path)
    {
        _sandbox.Write("x.yaml", Manifests.Warning);
        Git("init", "--quiet");

        var result = _sandbox.Run("fix", path, "--diff");
        _sandbox.Write("fix.diff", result.Output);

        result.Output.ShouldStartWith("--- a/x.yaml\n+++ b/x.yaml\n", customMessage: result.ToString());
        Git("apply", "--check", "fix.diff");
        Git("apply", "fix.diff");
        _sandbox.Run("check", "x.yaml").Output.ShouldNotContain("HN030");
    }

    [Fact]
    public void Check_HelmTemplate_SaysToRenderItFirst()
    {
        _sandbox.Write("templates/deployment.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ include "chart.fullname" . }}
            spec:
              {{- if not .Values.autoscaling.enabled }}
              replicas: {{ .Values.replicaCount }}
              {{- end }}
            """);

        var result = _sandbox.Run("check", "templates/deployment.yaml", "--format", "github");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Output.ShouldContain("this looks like an unrendered Helm template ({{ … }}): run helm template first and check its output");
        result.Output.ShouldContain("line=4,col=9");
    }

    [Fact]
    public void Check_TemplateMarksInAValidString_AreNotTakenForHelm()
    {
        _sandbox.Write("rules.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: alerts}
            data:
              summary: "{{ $labels.instance }} is down"
            """);

        var result = _sandbox.Run("check", "rules.yaml");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldNotContain("Helm");
    }

    [Fact]
    public void Dns_NameGivenButAmbiguous_DoesNotAskForName()
    {
        _sandbox.Write("apps/a.yaml", Manifests.Warning);
        _sandbox.Write("apps/b.yaml", Manifests.Warning.Replace("namespace: ops", "namespace: other", StringComparison.Ordinal));

        var result = _sandbox.Run("dns", "apps", "--name", "agent");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldBe("hostnet: apps has 2 workloads named 'agent' (Pod/agent in apps/a.yaml, Pod/agent in apps/b.yaml); give the file that holds the one you mean\n");
    }

    [Fact]
    public void DnsHelp_PrintsTheClusterDomainDefaultOnce()
    {
        var result = _sandbox.Run("dns", "--help");

        var line = result.Output.Split('\n').Single(l => l.Contains("--cluster-domain", StringComparison.Ordinal));
        line.Split("cluster.local").Length.ShouldBe(2, line);
    }

    [Fact]
    public void WebhookHelp_MarksTheCertificateAndKeyRequired()
    {
        var result = _sandbox.Run("webhook", "--help");

        result.Output.Split('\n').Single(l => l.Contains("--tls-cert", StringComparison.Ordinal)).ShouldContain("Required");
        result.Output.Split('\n').Single(l => l.Contains("--tls-key", StringComparison.Ordinal)).ShouldContain("Required");
    }

    [Fact]
    public void Help_PlaceholdersAreCapitals()
    {
        foreach (var command in new[] { "check", "fix", "plan", "ports", "dns", "explain", "audit", "snapshot" })
        {
            var help = _sandbox.Run(command, "--help").Output;
            System.Text.RegularExpressions.Regex.Matches(help, "<([^>]+)>").Select(m => m.Groups[1].Value)
                .Where(placeholder => !placeholder.Contains('|', StringComparison.Ordinal) && placeholder.Any(char.IsLower))
                .ShouldBeEmpty($"hostnet {command} --help:\n{help}");
        }
    }

    [Fact]
    public void Explain_OnATerminal_PrintsLinksAsPlainText()
    {
        var terminal = _sandbox.Run(["explain", "HN030"], terminal: true).Output;
        var piped = _sandbox.Run("explain", "HN030").Output;

        piped.ShouldContain("[HN001](HN001.md)");
        terminal.ShouldNotContain("](");
        terminal.ShouldContain("HN001");
    }

    private void Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _sandbox.Root, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEnd();
        git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        git.ExitCode.ShouldBe(0, $"git {string.Join(' ', args)}: {error}");
    }
}
