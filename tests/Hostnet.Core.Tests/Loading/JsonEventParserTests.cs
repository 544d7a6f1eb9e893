using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

/// <summary>
/// JsonEventParser must give exactly YamlDotNet's events (values, styles, positions) wherever it does not give up,
/// and give up wherever YamlDotNet reports an error: on hand-written edge cases, and on every fixture and corpus
/// document written out as JSON (compact, as an AdmissionReview carries it, and indented, as kubectl prints it).
/// </summary>
public sealed partial class JsonEventParserTests
{
    public static TheoryData<string> EdgeCases() =>
    [
        "{}",
        "[]",
        "{\"a\":1}",
        "{\"a\": 1, \"b\": [1, 2.5, -3, 0, 1e5, 1E-2, -0.5e+3]}",
        "{\"a\":true,\"b\":false,\"c\":null}",
        "{\"a\":\"\",\"b\":\"x y\",\"c\":\" lead\",\"d\":\"trail \"}",
        "{\"a\":\"q\\\"uote\",\"b\":\"back\\\\slash\",\"c\":\"sl\\/ash\",\"d\":\"\\b\\f\\n\\r\\t\"}",
        "{\"a\":\"\\u003cb\\u003e \\u0026 \\u00e9 \\u4e2d\"}",
        "{\"a\":\"\\u0001\\u001f\"}",
        "{\"a\":\"\\ud83d\\ude00\"}",
        "{\"a\":\"\\x41\"}",
        "{\"a\":\"\\q\"}",
        "{\"a\":\"caf\u00e9 日本\"}",
        "{\"a\":\"😀\"}",
        "{\"a\":\"# not a comment\",\"b\":\"x: y\",\"c\":\"- z\",\"d\":\"[1]\",\"e\":\"{}\",\"f\":\"&a *b !c |\"}",
        "{\"<<\":{\"a\":1},\"b\":2}",
        "{\"a\":1,\"a\":2}",
        "{\"a\":{\"b\":{\"c\":[{\"d\":[[],{}]}]}}}",
        "[{\"a\":1},{\"b\":[\"x\",\"y\"]},3,\"s\",null]",
        "{\n  \"a\": 1,\n  \"b\": {\n    \"c\": [\n      1,\n      2\n    ]\n  }\n}\n",
        "\n\n{\"a\":1}\n\n",
        "  {\"a\":1}",
        "{\"a\" : 1}",
        "{\"a\"\n: 1}",
        "{\"a\":\n1}",
        "{\"a\":1,}",
        "[1,]",
        "[1 , ]",
        "[,1]",
        "{,\"a\":1}",
        "{\"a\":1 \"b\":2}",
        "{\"a\" 1}",
        "{a:1}",
        "{\"a\":x}",
        "{\"a\":tru}",
        "{\"a\":truex}",
        "{\"a\":01}",
        "{\"a\":1.}",
        "{\"a\":.5}",
        "{\"a\":+1}",
        "{\"a\":1-2}",
        "{\"a\":-}",
        "{\"a\":1e}",
        "{\"a\":'x'}",
        "{\"a\":1}x",
        "{\"a\":1}{\"b\":2}",
        "{\"a\":1} # c",
        "{\"a\":1",
        "{\"a\":",
        "{\"a",
        "[1, [2, [3]]",
        "{\"a\":1}}",
        "{\"a\":\t1}",
        "{\"a\":1}\r\n",
        "{\"a\":\"x\ty\"}",
        "{\"\":1}",
        "{\"a\":[1,2] }",
        "{\"a\":\"" + new string('k', 990) + "\"}",
        "{\"" + new string('k', 990) + "\":1}",
        "{\"" + new string('k', 1010) + "\":1}",
        string.Concat(Enumerable.Repeat("[", 150)) + string.Concat(Enumerable.Repeat("]", 150)),
        "\"x\"",
        "1",
        "",
    ];

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void TryParse_EdgeCase_MatchesYamlDotNetOrGivesUp(string text) =>
        ParserComparison.AssertSameEventsOrGivesUp(text, JsonEventParser.TryParse(text, new StringPool()));

    [Theory]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\",\"annotations\":{\"x\":\"{\\\"k\\\":\\\"v\\\"}\\n\"}},\"spec\":{\"hostNetwork\":true,\"containers\":[{\"name\":\"c\",\"ports\":[{\"containerPort\":80}]}]}}")]
    [InlineData("{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"List\",\n    \"items\": []\n}\n")]
    public void TryParse_ApiServerAndKubectlJson_IsTaken(string text) =>
        JsonEventParser.TryParse(text, new StringPool()).ShouldNotBeNull();

    public static TheoryData<string> InputFiles() => [.. BlockYamlParserTests.Files()];

    [Theory]
    [MemberData(nameof(InputFiles))]
    public void Load_EveryFixtureAndCorpusFileAsJson_SameEventsAndTreesWithAndWithoutTheFastPath(string path)
    {
        var source = SourceFile.FromBytes(path, File.ReadAllBytes(path), out _);
        if (source is null)
        {
            return;
        }

        var loaded = new ManifestLoader { FastYaml = false }.Load(source);
        foreach (var indented in (bool[])[false, true])
        {
            foreach (var document in loaded.Documents)
            {
                var json = ToJson(document.Root, indented);
                if (!Surrogate().IsMatch(json))
                {
                    JsonEventParser.TryParse(json, new StringPool()).ShouldNotBeNull(json);
                }

                ParserComparison.AssertSameEventsOrGivesUp(json, JsonEventParser.TryParse(json, new StringPool()));
                var file = new SourceFile(path + ".json", json);
                var fast = new ManifestLoader().Load(file);
                var slow = new ManifestLoader { FastYaml = false }.Load(file);
                ParserComparison.Dump(fast).ShouldBe(ParserComparison.Dump(slow));
                ParserComparison.AssertSameUtf8TreeOrGivesUp(file.Path, json);
            }
        }
    }

    /// <summary>
    /// A tree as JSON: plain scalars that read as JSON numbers or literals stay bare, everything else is a string.
    /// Characters the fast path gives up on are escaped, as the API server's encoder writes them.
    /// </summary>
    private static string ToJson(SourceNode node, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, NewLine = "\n", SkipValidation = true }))
        {
            Write(node, writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(SourceNode node, Utf8JsonWriter writer)
    {
        switch (node)
        {
            case SourceMapping mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Entries)
                {
                    writer.WritePropertyName(key);
                    Write(value, writer);
                }

                writer.WriteEndObject();
                break;
            case SourceSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    Write(item, writer);
                }

                writer.WriteEndArray();
                break;
            case SourceScalar { IsPlain: true, Value: "true" or "false" or "null" } literal:
                writer.WriteRawValue(literal.Value, skipInputValidation: true);
                break;
            case SourceScalar { IsPlain: true } plain when IsJsonNumber(plain.Value):
                writer.WriteRawValue(plain.Value, skipInputValidation: true);
                break;
            case SourceScalar scalar:
                writer.WriteStringValue(scalar.Value);
                break;
        }
    }

    /// <summary>An escaped character outside the BMP, which the fast path leaves to YamlDotNet.</summary>
    [GeneratedRegex(@"\\u[dD][89a-fA-F]")]
    private static partial Regex Surrogate();

    private static bool IsJsonNumber(string value)
    {
        try
        {
            using var parsed = JsonDocument.Parse(value);
            return parsed.RootElement.ValueKind == JsonValueKind.Number;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
