using System.Text.Json;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Reporting;
using Hostnet.Core.Rules;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Reporting;

public sealed class SarifReportWriterTests
{
    private const string HostNetworkPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: agent
          namespace: ops
        spec:
          hostNetwork: true
          containers:
            - name: agent
              image: registry.example.com/agent:1.0
              args: [--server=https://collector.ops.svc:4317]
        """;

    [Fact]
    public void Write_GoldenInput_ValidatesAgainstSarifSchema()
    {
        var sarif = ReportGoldenTests.Render(ReportFormat.Sarif);
        using var document = JsonDocument.Parse(sarif);
        var results = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        results.ShouldContain(r => r.GetProperty("ruleId").GetString() == "HN000", "the input must exercise HN000");
        results.ShouldContain(r => r.GetProperty("suppressions").GetArrayLength() == 1, "the input must exercise a suppression");
        results.Count.ShouldBeGreaterThanOrEqualTo(4);

        SarifSchema.Violations(sarif).ShouldBeEmpty();
    }

    [Fact]
    public void SchemaCheck_BrokenDocument_ReportsTheViolation()
    {
        // Guards the guard: a validator that cannot fail would make the test above worthless.
        var sarif = ReportGoldenTests.Render(ReportFormat.Sarif).Replace("\"level\": \"warning\"", "\"level\": \"severe\"", StringComparison.Ordinal);

        SarifSchema.Violations(sarif).ShouldContain("'severe' is not one of");
    }

    [Fact]
    public void Write_AnyReport_ListsEveryCatalogueRuleWithItsLevel()
    {
        using var document = Write(HostNetworkPod);
        var rules = Driver(document).GetProperty("rules").EnumerateArray().ToList();

        rules.Select(r => r.GetProperty("id").GetString()).ShouldBe(RuleCatalog.Descriptors.Select(d => d.Id));
        var hn030 = rules.Single(r => r.GetProperty("id").GetString() == "HN030");
        hn030.GetProperty("name").GetString().ShouldBe("host-network-cluster-dns");
        hn030.GetProperty("helpUri").GetString().ShouldBe(RuleDescriptor.DocsBaseUri + "HN030.md");
        hn030.GetProperty("defaultConfiguration").GetProperty("level").GetString().ShouldBe("warning");
    }

    [Fact]
    public void Write_Driver_HasVersionWithoutCommitHash()
    {
        using var document = Write(HostNetworkPod);

        var version = Driver(document).GetProperty("version").GetString() ?? string.Empty;
        version.ShouldBe(SarifReportWriter.ToolVersion);
        version.ShouldNotContain("+");
        version.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void Write_Finding_PointsAtFileLineColumnAndObject()
    {
        using var document = Write(HostNetworkPod, "deploy/agent.yaml");
        var result = Results(document).Single();
        var rules = Driver(document).GetProperty("rules");

        rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString().ShouldBe("HN030");
        result.GetProperty("level").GetString().ShouldBe("warning");
        result.GetProperty("message").GetProperty("text").GetString()!.ShouldEndWith(". Fix: set dnsPolicy: ClusterFirstWithHostNet");
        var location = result.GetProperty("locations")[0];
        location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe("deploy/agent.yaml");
        location.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().ShouldBe(7);
        location.GetProperty("physicalLocation").GetProperty("region").GetProperty("startColumn").GetInt32().ShouldBe(16);
        var logical = location.GetProperty("logicalLocations")[0];
        logical.GetProperty("fullyQualifiedName").GetString().ShouldBe("Pod/ops/agent");
        logical.GetProperty("kind").GetString().ShouldBe("object");
        result.GetProperty("suppressions").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void Write_LinesMoved_KeepsTheFingerprint()
    {
        using var before = Write(HostNetworkPod);
        using var after = Write("# a comment above\n\n" + HostNetworkPod);

        Fingerprint(after).ShouldBe(Fingerprint(before));
        Results(after).Single().GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().ShouldBe(9);
    }

    [Fact]
    public void Write_SameRuleObjectAndField_NumbersTheFingerprints()
    {
        using var document = Write("a: [\n---\nb: {\n");

        var fingerprints = Results(document).Select(r => r.GetProperty("partialFingerprints").GetProperty(SarifReportWriter.FingerprintName).GetString()!).ToList();
        fingerprints.Count.ShouldBe(2);
        fingerprints[0].ShouldEndWith(":1");
        fingerprints[1].ShouldBe(fingerprints[0][..^1] + "2");
    }

    [Fact]
    public void Write_Suppressed_KeepsTheResultWithItsJustification()
    {
        var pod = HostNetworkPod.Replace("  namespace: ops\n", "  namespace: ops\n  annotations:\n    hostnet.dev/ignore-HN030: \"uses the node resolver on purpose\"\n", StringComparison.Ordinal);
        using var document = Write(pod);

        var suppression = Results(document).Single().GetProperty("suppressions").EnumerateArray().Single();
        suppression.GetProperty("kind").GetString().ShouldBe("inSource");
        suppression.GetProperty("justification").GetString().ShouldBe("uses the node resolver on purpose");
    }

    [Theory]
    [InlineData("-", "stdin")]
    [InlineData("deploy/a.yaml", "deploy/a.yaml")]
    [InlineData(@"deploy\win\a.yaml", "deploy/win/a.yaml")]
    [InlineData("../charts/my app/values #1.yaml", "../charts/my%20app/values%20%231.yaml")]
    [InlineData("c:weird.yaml", "c%3Aweird.yaml")]
    public void ArtifactUri_Path_IsARelativeUriReference(string file, string uri)
    {
        SarifReportWriter.ArtifactUri(file).ShouldBe(uri);
    }

    private static JsonDocument Write(string text, string file = "fixture.yaml")
    {
        using var output = new StringWriter();
        new SarifReportWriter().Write(Fixtures.Check(text, file), ReportSources.None, output);
        return JsonDocument.Parse(output.ToString());
    }

    private static JsonElement Driver(JsonDocument document) =>
        document.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");

    private static List<JsonElement> Results(JsonDocument document) =>
        [.. document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()];

    private static string? Fingerprint(JsonDocument document) =>
        Results(document).Single().GetProperty("partialFingerprints").GetProperty(SarifReportWriter.FingerprintName).GetString();
}
