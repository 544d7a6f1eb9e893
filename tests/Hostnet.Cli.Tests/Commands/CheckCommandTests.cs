using System.Text.Json;
using Hostnet.Cli.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Cli.Tests.Commands;

public sealed class CheckCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Theory]
    [InlineData(Manifests.Clean, null, 0)]
    [InlineData(Manifests.Error, null, 1)]
    [InlineData(Manifests.Warning, null, 0)]
    [InlineData(Manifests.Error, "error", 1)]
    [InlineData(Manifests.Warning, "error", 0)]
    [InlineData(Manifests.Warning, "warning", 1)]
    [InlineData(Manifests.Warning, "info", 1)]
    [InlineData(Manifests.Error, "none", 0)]
    [InlineData(Manifests.Clean, "info", 0)]
    public void Check_FailOn_ExitsByTheWorstFinding(string manifest, string? failOn, int exitCode)
    {
        _sandbox.Write("pod.yaml", manifest);
        string[] args = failOn is null ? ["check", "pod.yaml"] : ["check", "pod.yaml", "--fail-on", failOn];

        var result = _sandbox.Run(args);

        result.ExitCode.ShouldBe(exitCode, result.ToString());
        result.Error.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("info", 1)]
    [InlineData("warning", 0)]
    public void Check_InfoFinding_FailsOnlyFromInfo(string failOn, int exitCode)
    {
        _sandbox.Write(".hostnet.yaml", "rules:\n  HN030: info\n");
        _sandbox.Write("pod.yaml", Manifests.Warning);

        var result = _sandbox.Run("check", "pod.yaml", "--fail-on", failOn);

        result.ExitCode.ShouldBe(exitCode, result.ToString());
        result.Output.ShouldContain("info HN030");
    }

    [Fact]
    public void Check_UnknownFailOn_Exits2()
    {
        _sandbox.Write("pod.yaml", Manifests.Clean);

        var result = _sandbox.Run("check", "pod.yaml", "--fail-on", "critical");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldBe("hostnet: --fail-on must be one of error, warning, info, none, not 'critical' (see 'hostnet check --help')\n");
    }

    [Fact]
    public void Check_Dash_ReadsStandardInput()
    {
        // As in: helm template ./chart | hostnet check -
        var result = _sandbox.Run(["check", "-", "--format", "json"], standardInput: Manifests.Warning);

        result.ExitCode.ShouldBe(0, result.ToString());
        var finding = Diagnostics(result).Single();
        finding.GetProperty("rule").GetString().ShouldBe("HN030");
        finding.GetProperty("file").GetString().ShouldBe("-");
        finding.GetProperty("line").GetInt32().ShouldBe(7);
    }

    [Fact]
    public void Check_Folder_ReadsYamlYmlAndJsonRecursively()
    {
        _sandbox.Write("deploy/a.yaml", Manifests.Warning);
        _sandbox.Write("deploy/nested/b.yml", Manifests.Warning.Replace("name: agent\n  namespace", "name: agent-b\n  namespace", StringComparison.Ordinal));
        _sandbox.Write("deploy/nested/deeper/c.json", """
            {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "agent-c", "namespace": "ops"},
             "spec": {"hostNetwork": true, "containers": [{"name": "agent", "image": "registry.example.com/agent:1.0"}]}}
            """);
        _sandbox.Write("deploy/notes.txt", "not: [yaml");
        _sandbox.Write("deploy/a.yaml.orig", "not: [yaml");
        _sandbox.Write("deploy/Chart.tpl", "{{ .Values }}");

        var result = _sandbox.Run("check", "deploy", "--format", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        Diagnostics(result).Select(d => (d.GetProperty("file").GetString(), d.GetProperty("rule").GetString()))
            .ShouldBe([("deploy/a.yaml", "HN030"), ("deploy/nested/b.yml", "HN030"), ("deploy/nested/deeper/c.json", "HN030")]);
        Summary(result).GetProperty("files").GetInt32().ShouldBe(3);
    }

    [Fact]
    public void Check_OutputFile_WritesTheReportThereOnly()
    {
        _sandbox.Write("pod.yaml", Manifests.Error);

        var result = _sandbox.Run("check", "pod.yaml", "--format", "sarif", "--output", "out/report.sarif");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Output.ShouldBeEmpty();
        using var report = JsonDocument.Parse(_sandbox.Read("out/report.sarif"));
        report.RootElement.GetProperty("version").GetString().ShouldBe("2.1.0");
        report.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("ruleId").GetString().ShouldBe("HN001");
    }

    [Fact]
    public void Check_OutputFileUnwritable_Exits2WithAOneLineError()
    {
        _sandbox.Write("pod.yaml", Manifests.Clean);
        _sandbox.Write("reports/keep.txt", string.Empty);

        var result = _sandbox.Run("check", "pod.yaml", "--output", "reports");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldStartWith("hostnet: cannot write reports: ");
        Lines(result.Error).Length.ShouldBe(1);
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    public void Check_Text_IsColouredOnlyOnATerminalWithoutNoColor(bool terminal, bool noColor, bool coloured)
    {
        _sandbox.Write("pod.yaml", Manifests.Error);

        var result = _sandbox.Run(["check", "pod.yaml"], terminal: terminal, noColor: noColor);

        result.Output.Contains('\e', StringComparison.Ordinal).ShouldBe(coloured, result.Output);
        result.Output.ShouldContain("error HN001");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("github")]
    public void Check_MachineFormatOnATerminal_IsNeverColoured(string format)
    {
        _sandbox.Write("pod.yaml", Manifests.Error);

        var result = _sandbox.Run(["check", "pod.yaml", "--format", format], terminal: true);

        result.Output.ShouldNotContain("\e");
    }

    [Fact]
    public void Check_OutputFileFromATerminal_IsNotColoured()
    {
        _sandbox.Write("pod.yaml", Manifests.Error);

        _sandbox.Run(["check", "pod.yaml", "-o", "report.txt"], terminal: true);

        _sandbox.Read("report.txt").ShouldNotContain("\e");
    }

    [Theory]
    [InlineData("text", "pod.yaml\n  8:14 error HN001 [invalid-dns-policy] Pod/ops/typo\n")]
    [InlineData("json", "{\n  \"diagnostics\": [\n")]
    [InlineData("sarif", "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n")]
    [InlineData("github", "::error file=pod.yaml,line=8,col=14,title=HN001 invalid-dns-policy::")]
    [InlineData("JSON", "{\n  \"diagnostics\": [\n")]
    public void Check_Format_SelectsTheWriter(string format, string start)
    {
        _sandbox.Write("pod.yaml", Manifests.Error);

        var result = _sandbox.Run("check", "pod.yaml", "--format", format);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Output.ShouldStartWith(start);
    }

    [Fact]
    public void Check_UnknownFormat_Exits2()
    {
        _sandbox.Write("pod.yaml", Manifests.Clean);

        var result = _sandbox.Run("check", "pod.yaml", "--format", "xml");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Output.ShouldBeEmpty();
        result.Error.ShouldBe("hostnet: --format must be one of text, json, sarif, github, not 'xml' (see 'hostnet check --help')\n");
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("-z")]
    public void Check_UnknownOption_Exits2WithAOneLineError(string option)
    {
        _sandbox.Write("pod.yaml", Manifests.Clean);

        var result = _sandbox.Run("check", "pod.yaml", option);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Output.ShouldBeEmpty();
        var errors = Lines(result.Error).Where(l => l.StartsWith("hostnet: ", StringComparison.Ordinal)).ToList();
        errors.ShouldHaveSingleItem(result.Error).ShouldContain($"'{option}'");
        Lines(result.Error).ShouldNotContain(l => l.Contains("HN000", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_MissingPath_ReportsHN000AndStillChecksTheRest()
    {
        _sandbox.Write("pod.yaml", Manifests.Warning);

        var result = _sandbox.Run("check", "missing.yaml", "pod.yaml", "gone/", "--format", "json");

        result.ExitCode.ShouldBe(2, result.ToString());
        var findings = Diagnostics(result).Select(d => (d.GetProperty("file").GetString(), d.GetProperty("rule").GetString(), d.GetProperty("message").GetString())).ToList();
        findings.ShouldBe([
            ("gone/", "HN000", "cannot read: no such file or directory"),
            ("missing.yaml", "HN000", "cannot read: no such file or directory"),
            ("pod.yaml", "HN030", findings[2].Item3),
        ]);
        Summary(result).GetProperty("files").GetInt32().ShouldBe(3);
    }

    [Fact]
    public void Check_MissingPathWithFailOnNone_StillExits2()
    {
        var result = _sandbox.Run("check", "missing.yaml", "--fail-on", "none");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Output.ShouldContain("HN000");
    }

    [Fact]
    public void Check_ConfigUpward_TurnsARuleOff()
    {
        _sandbox.Write(".hostnet.yaml", "rules:\n  HN030: off\n");
        _sandbox.Write("apps/web/pod.yaml", Manifests.Warning);

        var result = _sandbox.Run(["check", "pod.yaml", "--fail-on", "info"], workingDirectory: "apps/web");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldNotContain("HN030");
    }

    [Fact]
    public void Check_ConfigUpward_ChangesASeverity()
    {
        _sandbox.Write(".hostnet.yaml", "rules:\n  host-network-cluster-dns: error\n");
        _sandbox.Write("apps/web/pod.yaml", Manifests.Warning);

        var result = _sandbox.Run(["check", "pod.yaml"], workingDirectory: "apps/web");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Output.ShouldContain("error HN030");
    }

    [Fact]
    public void Check_ConfigWithReservedPorts_IsAccepted()
    {
        _sandbox.Write(".hostnet.yaml", """
            kubeVersion: "1.30"
            reservedPorts:
              - {port: 9100, protocol: TCP, owner: node-exporter on the host, severity: warning}
              - {port: "7000-7100", owner: our agents}
            """);
        _sandbox.Write("pod.yaml", Manifests.Clean);

        var result = _sandbox.Run("check", "pod.yaml");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Error.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("reservedPorts:\n  - {port: \"9000-80\"}\n", ".hostnet.yaml:2:5: each reserved port needs port: N or port: \"FROM-TO\" (1-65535)")]
    [InlineData("rules:\n  HN030: loud\n", ".hostnet.yaml:2:10: the level of HN030 must be off, info, warning or error")]
    [InlineData("kubeVersion: \"1.30\"\nrulez: {}\n", ".hostnet.yaml:2:1: unknown configuration key \"rulez\"")]
    [InlineData("rules: [\n", ".hostnet.yaml:")]
    public void Check_BadConfig_Exits2WithFileLineColumn(string config, string error)
    {
        _sandbox.Write(".hostnet.yaml", config);
        _sandbox.Write("pod.yaml", Manifests.Clean);

        var result = _sandbox.Run("check", "pod.yaml");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Output.ShouldBeEmpty();
        result.Error.ShouldStartWith("hostnet: " + error);
    }

    [Fact]
    public void Check_BadConfigUpward_NamesItRelativeToTheWorkingDirectory()
    {
        _sandbox.Write(".hostnet.yaml", "rulez: {}\n");
        _sandbox.Write("apps/pod.yaml", Manifests.Clean);

        var result = _sandbox.Run(["check", "pod.yaml"], workingDirectory: "apps");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldStartWith("hostnet: ../.hostnet.yaml:1:1: unknown configuration key \"rulez\"");
    }

    [Fact]
    public void Check_ConfigOption_UsesThatFileInsteadOfSearching()
    {
        _sandbox.Write(".hostnet.yaml", "rules:\n  HN030: error\n");
        _sandbox.Write("ci/strict.yaml", "rules:\n  HN030: off\n");
        _sandbox.Write("pod.yaml", Manifests.Warning);

        var result = _sandbox.Run("check", "pod.yaml", "--config", "ci/strict.yaml", "--fail-on", "info");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldNotContain("HN030");
    }

    [Fact]
    public void Check_ConfigOptionMissing_Exits2()
    {
        _sandbox.Write("pod.yaml", Manifests.Clean);

        var result = _sandbox.Run("check", "pod.yaml", "--config", "nope.yaml");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldStartWith("hostnet: nope.yaml:1:1: cannot read the configuration");
    }

    [Fact]
    public void Check_IgnoreAnnotation_SuppressesWithItsReason()
    {
        _sandbox.Write("pod.yaml", Manifests.WarningIgnored("uses the node's resolver on purpose"));

        var result = _sandbox.Run("check", "pod.yaml", "--format", "json", "--fail-on", "warning");

        result.ExitCode.ShouldBe(0, result.ToString());
        var finding = Diagnostics(result).Single();
        finding.GetProperty("rule").GetString().ShouldBe("HN030");
        finding.GetProperty("suppressed").GetBoolean().ShouldBeTrue();
        finding.GetProperty("suppressionReason").GetString().ShouldBe("uses the node's resolver on purpose");
        Summary(result).GetProperty("warnings").GetInt32().ShouldBe(0);
        Summary(result).GetProperty("suppressed").GetInt32().ShouldBe(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Check_IgnoreAnnotationWithoutReason_DoesNotSuppress(string reason)
    {
        _sandbox.Write("pod.yaml", Manifests.WarningIgnored(reason));

        var result = _sandbox.Run("check", "pod.yaml", "--format", "json", "--fail-on", "warning");

        result.ExitCode.ShouldBe(1, result.ToString());
        var finding = Diagnostics(result).Single();
        finding.GetProperty("suppressed").GetBoolean().ShouldBeFalse();
        finding.GetProperty("suppressionReason").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void Check_BadKubeVersion_Exits2()
    {
        _sandbox.Write("pod.yaml", Manifests.Clean);

        var result = _sandbox.Run("check", "pod.yaml", "--kube-version", "latest");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldBe("hostnet: --kube-version must look like 1.30, not 'latest'\n");
    }

    private static List<JsonElement> Diagnostics(CliResult result)
    {
        using var document = JsonDocument.Parse(result.Output);
        return [.. document.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.Clone())];
    }

    private static JsonElement Summary(CliResult result)
    {
        using var document = JsonDocument.Parse(result.Output);
        return document.RootElement.GetProperty("summary").Clone();
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
