using System.Text.Json.Nodes;
using Hostnet.Core.Analysis;
using Hostnet.Core.Fixing;
using Hostnet.Core.Loading;
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
        var fixer = new ManifestFixer(AnalysisOptions.Default);

        var patch = fixer.PatchFor(new SourceFile("sidecar.yaml", text));

        JsonPatch.ToJson(patch).ShouldBe("""[{"op":"remove","path":"/spec/template/spec/containers/0/hostNetwork"},{"op":"add","path":"/spec/template/spec/hostNetwork","value":true},{"op":"add","path":"/spec/template/spec/dnsPolicy","value":"ClusterFirstWithHostNet"},{"op":"add","path":"/spec/strategy","value":{"rollingUpdate":{"maxSurge":0,"maxUnavailable":1}}}]""");
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

        var patch = new ManifestFixer(AnalysisOptions.Default).PatchFor(new SourceFile("review.json", review));

        JsonPatch.ToJson(patch).ShouldBe("""[{"op":"add","path":"/spec/dnsPolicy","value":"ClusterFirstWithHostNet"}]""");
    }

    [Fact]
    public void PatchFor_NothingToFix_IsEmpty()
    {
        new ManifestFixer(AnalysisOptions.Default).PatchFor(new SourceFile("p.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: example.com/a:1}]\n")).ShouldBeEmpty();
    }
}
