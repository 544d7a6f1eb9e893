using System.Text.Json.Nodes;
using Hostnet.Core.Analysis;
using Hostnet.Core.Editing;
using Hostnet.Core.Fixing;
using Hostnet.Core.Loading;
using Hostnet.Core.Rules;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Fixing;

public sealed class ManifestFixerTests
{
    [Fact]
    public void PatchFor_FixThatEnablesAnother_GivesEveryRoundInOrder()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "examples", "sidecar-hostnetwork-misplaced.yaml"));
        var fixer = new ManifestFixer(new ManifestChecker(AnalysisOptions.Default, RuleCatalog.Rules), RuleCatalog.Fixers);

        var patch = fixer.PatchFor(new SourceFile("sidecar.yaml", text));

        JsonPatch.ToJson(patch).ShouldBe("""[{"op":"remove","path":"/spec/template/spec/containers/0/hostNetwork"},{"op":"add","path":"/spec/template/spec/hostNetwork","value":true},{"op":"add","path":"/spec/template/spec/dnsPolicy","value":"Default"},{"op":"add","path":"/spec/strategy","value":{"rollingUpdate":{"maxSurge":0,"maxUnavailable":1}}}]""");
        AssertPatchGivesFixedText(fixer, text, patch);
    }

    [Fact]
    public void PatchFor_ObjectAsUtf8Json_IsThePatchOfItsText()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "examples", "sidecar-hostnetwork-misplaced.yaml"));
        // As the API server sends it: compact JSON, with a character outside ASCII before the fields the fixes move.
        var root = (JsonObject)JsonValues.From(new ManifestLoader().Load(new SourceFile("a.yaml", yaml)).Documents[0].Root)!;
        root["metadata"]!["annotations"] = new JsonObject { ["note"] = "caf\u00e9" };
        var json = root.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var fixer = new ManifestFixer(new ManifestChecker(AnalysisOptions.Default, RuleCatalog.Rules), RuleCatalog.Fixers);

        var patch = fixer.PatchFor("request.object", System.Text.Encoding.UTF8.GetBytes(json));

        patch.Count.ShouldBe(4);
        JsonPatch.ToJson(patch).ShouldBe(JsonPatch.ToJson(fixer.PatchFor(new SourceFile("request.object", json))));
    }

    /// <summary>The patch applied to the object gives what <c>hostnet fix</c> writes, read back.</summary>
    private static void AssertPatchGivesFixedText(ManifestFixer fixer, string text, IReadOnlyList<JsonPatchOperation> patch)
    {
        var original = JsonValues.From(new ManifestLoader().Load(new SourceFile("a.yaml", text)).Documents[0].Root)!;
        var fixedText = fixer.Fix([new SourceFile("a.yaml", text)]).Files[0].Text;
        var expected = JsonValues.From(new ManifestLoader().Load(new SourceFile("a.yaml", fixedText)).Documents[0].Root)!;
        JsonNode.DeepEquals(JsonPatchApplier.Apply(original, patch), expected).ShouldBeTrue();
    }

    [Fact]
    public void PatchFor_AdmissionReview_PathsAreRelativeToTheObject()
    {
        const string review = """
            {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview",
             "request": {"uid": "1", "object": {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
               "spec": {"hostNetwork": true, "containers": [{"name": "a", "image": "example.com/a:1"}]}}}}
            """;

        var patch = new ManifestFixer(new ManifestChecker(AnalysisOptions.Default, RuleCatalog.Rules), RuleCatalog.Fixers).PatchFor(new SourceFile("review.json", review));

        JsonPatch.ToJson(patch).ShouldBe("""[{"op":"add","path":"/spec/dnsPolicy","value":"Default"}]""");
    }

    [Theory]
    [InlineData("metadata:\n  name: a\n  annotations: {hostnet.dev/ignore-HN030: \"the node resolver on purpose\"}\n", "template:\n    metadata:\n      labels: {app: a}\n")]
    [InlineData("metadata:\n  name: a\n", "template:\n    metadata:\n      labels: {app: a}\n      annotations: {hostnet.dev/ignore-HN030: \"the node resolver on purpose\"}\n")]
    public void PatchFor_SuppressedFinding_IsNotPatchedAsFixDoesNotFixIt(string metadata, string template)
    {
        // HN030 is silenced (on the object, or on its pod template); HN015 (a surging rollout with host ports) is not.
        var text = "apiVersion: apps/v1\nkind: Deployment\n" + metadata + "spec:\n  replicas: 2\n  selector:\n    matchLabels: {app: a}\n  " + template
            + "    spec:\n      hostNetwork: true\n      containers:\n      - name: a\n        image: example.com/a:1\n        ports: [{containerPort: 8080, hostPort: 8080}]\n";
        var fixer = new ManifestFixer(new ManifestChecker(AnalysisOptions.Default, RuleCatalog.Rules), RuleCatalog.Fixers, new HashSet<string>(["HN015", "HN030"]));
        Fixtures.Check(text).Diagnostics.ShouldContain(d => d.Rule.Id == "HN030" && d.IsSuppressed);

        var patch = fixer.PatchFor(new SourceFile("a.yaml", text));

        JsonPatch.ToJson(patch).ShouldBe("""[{"op":"add","path":"/spec/strategy","value":{"rollingUpdate":{"maxSurge":0,"maxUnavailable":1}}}]""");
        AssertPatchGivesFixedText(fixer, text, patch);
    }

    [Fact]
    public void PatchFor_WrongCaseKey_MovesItToItsSpelling()
    {
        const string review = """
            {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"1","object":
             {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"hostnetwork":true,"containers":[{"name":"a","image":"example.com/a:1"}]}}}}
            """;

        var patch = new ManifestFixer(new ManifestChecker(AnalysisOptions.Default, RuleCatalog.Rules), RuleCatalog.Fixers).PatchFor(new SourceFile("review.json", review));

        // The rename puts the pod on the host network, so the next round adds the DNS policy that needs (HN030).
        JsonPatch.ToJson(patch).ShouldBe("""[{"op":"move","from":"/spec/hostnetwork","path":"/spec/hostNetwork"},{"op":"add","path":"/spec/dnsPolicy","value":"Default"}]""");
    }

    [Fact]
    public void PatchFor_NothingToFix_IsEmpty()
    {
        new ManifestFixer(new ManifestChecker(AnalysisOptions.Default, RuleCatalog.Rules), RuleCatalog.Fixers).PatchFor(new SourceFile("p.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: example.com/a:1}]\n")).ShouldBeEmpty();
    }
}
