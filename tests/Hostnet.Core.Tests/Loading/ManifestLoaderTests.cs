using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

public sealed class ManifestLoaderTests
{
    private static LoadResult Load(string text) => new ManifestLoader().Load(new SourceFile("in.yaml", text));

    [Fact]
    public void Load_MultiDocumentStream_ReturnsEachObjectWithPositions()
    {
        var result = Load("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n");
        result.Problems.ShouldBeEmpty();
        result.Documents.Select(d => d.Kind).ShouldBe(["Pod", "Service"]);
        result.Documents[1].KindPosition.ShouldBe(new SourcePosition(7, 1));
    }

    [Fact]
    public void Load_ListObject_ExpandsItems()
    {
        var result = Load("""{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"}},{"apiVersion":"v1","kind":"Node","metadata":{"name":"n"}}]}""");
        result.Documents.Select(d => d.Kind).ShouldBe(["Pod", "Node"]);
    }

    [Fact]
    public void Load_SyntaxErrorInOneDocument_KeepsTheOthers()
    {
        var result = Load("apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Pod\n  bad: [\n---\napiVersion: v1\nkind: Service\n");
        result.Documents.Select(d => d.Kind).ShouldBe(["Pod", "Service"]);
        result.Problems.Count.ShouldBe(1);
        result.Problems[0].Position.Line.ShouldBeInRange(4, 7);
    }

    [Fact]
    public void Load_DuplicateKey_ReportsBothPositions()
    {
        var result = Load("apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: true\n  hostNetwork: false\n");
        result.Problems.ShouldHaveSingleItem().Message.ShouldBe("key \"hostNetwork\" already set in map (first at line 4, column 3)");
        result.Problems[0].Position.ShouldBe(new SourcePosition(5, 3));
    }

    [Fact]
    public void Load_AliasBomb_IsRejectedQuickly()
    {
        var lines = new List<string> { "a: &a [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 12; i++)
        {
            var previous = (char)('a' + i - 1);
            var name = (char)('a' + i);
            lines.Add($"{name}: &{name} [{string.Join(", ", Enumerable.Repeat("*" + previous, 10))}]");
        }

        var result = Load(string.Join('\n', lines));
        result.Problems.ShouldHaveSingleItem().Message.ShouldContain("alias bomb");
    }

    [Fact]
    public void Load_DeepNesting_IsRejected()
    {
        var text = "a: " + new string('[', 10_000) + new string(']', 10_000);
        var result = Load(text);
        result.Problems.ShouldHaveSingleItem().Message.ShouldContain("nesting is deeper than");
    }

    [Fact]
    public void Load_DocumentWithoutKind_IsSkipped()
    {
        var result = Load("replicaCount: 3\nimage:\n  tag: 1.0\n");
        result.Documents.ShouldBeEmpty();
        result.Problems.ShouldBeEmpty();
        result.Skipped.ShouldHaveSingleItem();
    }

    [Fact]
    public void FromBytes_NulByte_IsBinaryData()
    {
        SourceFile.FromBytes("x.yaml", "a: b\nc\0"u8, out var problem).ShouldBeNull();
        problem.ShouldNotBeNull().Position.ShouldBe(new SourcePosition(2, 2));
    }

    [Fact]
    public void Load_MergeKey_AppliesBaseEntries()
    {
        var result = Load("apiVersion: v1\nkind: Pod\nbase: &b {x: 1, y: 2}\nspec:\n  <<: *b\n  y: 3\n");
        var spec = (SourceMapping)result.Documents[0].Root["spec"]!;
        ((SourceScalar)spec["x"]!).Value.ShouldBe("1");
        ((SourceScalar)spec["y"]!).Value.ShouldBe("3");
    }

    [Fact]
    public void Load_UnterminatedFlowCollection_SaysSoWithoutDotnetText()
    {
        var result = Load("apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  labels: {app: [broken\n");
        result.Documents.Count.ShouldBe(1);
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Message.ShouldStartWith("YAML syntax error: ");
        problem.Message.ShouldNotContain("current state of the object");
    }

    [Fact]
    public void Load_TabIndentation_IsReportedWhereTheTabIs()
    {
        var result = Load("apiVersion: v1\nkind: Pod\nmetadata:\n\tname: a\n");

        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Message.ShouldBe("YAML syntax error: While scanning a mapping, found invalid tab as indentation.");
        problem.Position.ShouldBe(new SourcePosition(4, 1));
    }

    [Fact]
    public void Load_TabIndentationInALaterDocument_CountsTheLinesBefore()
    {
        var result = Load("apiVersion: v1\nkind: Pod\n---\napiVersion: v1\nkind: Pod\nmetadata:\n\tname: a\n");

        result.Documents.ShouldHaveSingleItem();
        result.Problems.ShouldHaveSingleItem().Position.ShouldBe(new SourcePosition(7, 1));
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels: [a, b\nspec: {}\n", 5, 11, '[')]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {app: {tier: [x, y]\n", 4, 17, '{')]
    public void Load_UnclosedFlowCollection_PointsAtItsOpening(string text, int line, int column, char opening)
    {
        var problem = Load(text).Problems.ShouldHaveSingleItem();

        problem.Position.ShouldBe(new SourcePosition(line, column));
        problem.Message.ShouldBe($"YAML syntax error: the document ends inside the flow collection opened here: the {opening} is never closed");
    }

    [Theory]
    [InlineData("{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"a\",}}")]
    [InlineData("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"spec\": {\"containers\": [{\"name\": \"c\"},\n  ]}\n}\n")]
    [InlineData("\t{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"a,}\"},\r\n}")]
    public void Load_JsonObjectWithTrailingComma_IsReadAsYamlAsKubectlDoes(string text)
    {
        // kubectl v1.33+ (k8s.io/apimachinery/pkg/util/yaml/decoder.go, v1.35: YAMLOrJSONDecoder.Decode) reads the rest
        // of a stream as YAML when its first or second value breaks Go's JSON rules, and YAML allows the comma.
        var result = Load(text);

        result.Problems.ShouldBeEmpty();
        result.Documents.ShouldNotBeEmpty();
        result.Documents.ShouldAllBe(d => d.Kind == "Pod");
    }

    [Theory]
    [InlineData("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"c\",}}", 3, 68, "invalid character '}' looking for beginning of object key string")]
    [InlineData("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": {\"k\": [1, 2,]}}", 3, 63, "invalid character ']' looking for beginning of value")]
    [InlineData("{apiVersion: v1, kind: ConfigMap, metadata: {name: c}}", 3, 2, "invalid character 'a' looking for beginning of object key string")]
    public void Load_BrokenThirdValueOfAJsonStream_IsTheJsonError(string third, int line, int column, string message)
    {
        // Two values read whole make the stream JSON for good: the decoder no longer falls back to YAML.
        const string Two = "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\"}}\n{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"b\"}}\n";

        var problem = Load(Two + third).Problems.ShouldHaveSingleItem();

        problem.Message.ShouldBe("JSON syntax error: " + message);
        problem.Position.ShouldBe(new SourcePosition(line, column));
    }

    [Fact]
    public void Load_BrokenSecondValueOfAJsonStream_IsTheJsonErrorWhereKubectlReadsOnAsYaml()
    {
        // The one documented difference (docs/rules/HN000.md, "JSON or YAML"): kubectl keeps the first value as JSON and
        // reads the rest as YAML; hostnet reads the whole document as YAML, which fails on two values, so the JSON error
        // of the second value is given.
        const string Text = "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\"}}\n{apiVersion: v1, kind: ConfigMap, metadata: {name: b}}\n";

        var result = Load(Text);

        result.Documents.ShouldBeEmpty();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Message.ShouldBe("JSON syntax error: invalid character 'a' looking for beginning of object key string");
        problem.Position.ShouldBe(new SourcePosition(2, 2));
    }

    [Theory]
    [InlineData("{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"spec\": {\"containers\": [{\"name\": \"c\", \"image\": \"x\"", 1, 61, "unexpected EOF: the input ends inside the { opened here")]
    [InlineData("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"metadata\": {\"name\": \"a", 4, 24, "unexpected EOF: the input ends inside the string opened here")]
    [InlineData("{\"apiVersion\": \"v1\", \"kind\": \"Pod\",\n \"metadata\": {\"name\": \"a\" \"b\"}}\n", 2, 27, "invalid character '\"' after object key:value pair")]
    [InlineData("{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\" {\"name\": \"a\"}}", 1, 48, "invalid character '{' after object key")]
    public void Load_MalformedJson_IsReportedAsTheJsonErrorKubernetesReports(string text, int line, int column, string message)
    {
        // Kubernetes decodes a stream starting with "{" with Go's encoding/json (k8s.io/apimachinery/pkg/util/yaml/decoder.go, v1.35).
        var result = Load(text);

        result.Documents.ShouldBeEmpty();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Message.ShouldBe("JSON syntax error: " + message);
        problem.Position.ShouldBe(new SourcePosition(line, column));
    }

    [Theory]
    [InlineData(" \n\t{\"a\": 1}", true)]
    [InlineData("\u00a0\u0085{}", true)]
    [InlineData("\u200b{}", false)]
    [InlineData("# a comment\n{}", false)]
    [InlineData("---\n{}", false)]
    [InlineData("", false)]
    public void IsJsonStream_IsABraceAfterGoWhiteSpace(string text, bool expected)
    {
        // decoder.go hasPrefix trims with Go's unicode.IsSpace: no-break space and NEL are white space, a zero-width space is not.
        JsonSyntaxCheck.IsJsonStream(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"spec\": {\"hostNetwork\": tru}}", "tru")]
    [InlineData("{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"spec\": {\"hostNetwork\": [80 443]}}", "80 443")]
    public void Load_BrokenJsonThatYamlReads_IsReadAsYamlAsKubectlDoes(string text, string value)
    {
        // Go's JSON decoder stops at "tru" and "[80 443]"; kubectl v1.33+ then reads the object as YAML, where both are
        // plain scalars (the API server then refuses the wrong type, which the check reports).
        var document = Load(text).Documents.ShouldHaveSingleItem();

        var hostNetwork = ((SourceMapping)document.Root["spec"]!)["hostNetwork"]!;
        (hostNetwork is SourceScalar scalar ? scalar.Value : ((SourceSequence)hostNetwork).Items.Single().ToString()).ShouldBe(value);
    }

    [Fact]
    public void Load_YamlFlowMappingWithPlainKeys_IsReadAsYaml()
    {
        // Go's JSON decoder fails on its first key; kubectl v1.33+ then reads it as YAML (kubernetes/kubernetes#130666).
        var result = Load("{apiVersion: v1, kind: Pod, metadata: {name: a}}\n");

        result.Problems.ShouldBeEmpty();
        result.Documents.ShouldHaveSingleItem().Kind.ShouldBe("Pod");
    }

    [Fact]
    public void Load_TruncatedYamlFlowMappingAtTheStart_IsTheJsonError()
    {
        // YAML cannot read it either; Kubernetes reads a file starting with "{" as JSON, so that is the error it gives.
        var problem = Load("{apiVersion: v1, kind: Pod, metadata: {name: a}").Problems.ShouldHaveSingleItem();

        problem.Message.ShouldBe("JSON syntax error: invalid character 'a' looking for beginning of object key string");
        problem.Position.ShouldBe(new SourcePosition(1, 2));
    }

    [Fact]
    public void Load_MalformedJsonOfADocumentAfterYaml_IsStillAYamlError()
    {
        // Not a JSON stream to Kubernetes (the file does not start with "{"): its YAML decoder reads every document.
        var result = Load("apiVersion: v1\nkind: Pod\n---\n{\"apiVersion\": \"v1\", \"kind\": \"Pod\"");

        result.Documents.ShouldHaveSingleItem();
        result.Problems.ShouldHaveSingleItem().Message.ShouldStartWith("YAML syntax error: ");
    }

    [Fact]
    public void Load_YamlFlowCollectionWithTrailingComma_IsAcceptedAsYaml()
    {
        // Not JSON to Kubernetes (it does not start with "{"): YAML allows the comma, and so does sigs.k8s.io/yaml.
        var result = Load("apiVersion: v1\nkind: Pod\nmetadata: {name: a, labels: {app: x,},}\n");

        result.Problems.ShouldBeEmpty();
        result.Documents.ShouldHaveSingleItem();
    }

    [Fact]
    public void Load_BadItemsOfAList_AreReportedAndTheOthersKept()
    {
        var result = Load("apiVersion: v1\nkind: List\nitems:\n- just a string\n- apiVersion: v1\n  metadata: {name: nokind}\n- kind: Pod\n  metadata: {name: noversion}\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: good}\n");

        result.Documents.ShouldHaveSingleItem().Kind.ShouldBe("Pod");
        result.Problems.Select(p => (p.Position, p.Message)).ShouldBe([
            (new SourcePosition(4, 3), "items[0] of the List: not a Kubernetes object (a string)"),
            (new SourcePosition(5, 3), "items[1] of the List: Object 'Kind' is missing"),
            (new SourcePosition(7, 3), "items[2] of the List: Object 'apiVersion' is missing"),
        ]);
        result.Skipped.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("UTF-16", "UTF-16", "UTF-16")]
    [InlineData("UTF-16LE", "UTF-16 (little-endian, no byte order mark)", "UTF-16LE")]
    [InlineData("UTF-16BE", "UTF-16 (big-endian, no byte order mark)", "UTF-16BE")]
    [InlineData("UTF-32", "UTF-32", "UTF-32")]
    public void FromBytes_WideText_SaysWhichAndHowToConvert(string encoding, string name, string iconvName)
    {
        var text = "apiVersion: v1\nkind: Pod\n";
        var bytes = encoding switch
        {
            "UTF-16" => [.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(text)],
            "UTF-16LE" => System.Text.Encoding.Unicode.GetBytes(text),
            "UTF-16BE" => System.Text.Encoding.BigEndianUnicode.GetBytes(text),
            _ => [.. System.Text.Encoding.UTF32.GetPreamble(), .. System.Text.Encoding.UTF32.GetBytes(text)],
        };

        SourceFile.FromBytes("x.yaml", bytes, out var problem).ShouldBeNull();

        problem!.Message.ShouldBe($"the file is {name} text, and hostnet reads UTF-8: convert it with iconv -f {iconvName} -t UTF-8");
        problem.Position.ShouldBe(new SourcePosition(1, 1));
    }
}
