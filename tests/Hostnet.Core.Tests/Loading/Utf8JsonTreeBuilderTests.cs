using System.Text;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Loading;

/// <summary>
/// The UTF-8 tree builder must load what the text's readers load, node for node with the same positions, wherever it
/// does not give up, and give up wherever they report a problem or read the text their own way. Every fixture and
/// corpus file written out as JSON is compared too (<see cref="JsonEventParserTests"/>).
/// </summary>
public sealed class Utf8JsonTreeBuilderTests
{
    public static TheoryData<string> EdgeCases()
    {
        var cases = JsonEventParserTests.EdgeCases();
        foreach (var text in (string[])
        [
            // Columns after characters that take two or three UTF-8 bytes and one UTF-16 unit.
            "{\"a\":\"caf\u00e9\",\"b\":\"\u65e5\u672c\u8a9e\",\"c\":[1,\"\u00e9\u00e9\",2]}",
            "{\n \"\u00e9\": {\"x\": \"\u00e9\"},\n \"b\": 1\n}",
            // What the text's JSON reader leaves to YamlDotNet: DEL, C1 controls, separators, U+E000 and above, escaped surrogates.
            "{\"a\":\"x\u007fy\"}",
            "{\"a\":\"x\u0085y\"}",
            "{\"a\":\"x\u2028y\"}",
            "{\"a\":\"x\ue000y\"}",
            "{\"a\":\"x\ufeffy\"}",
            "{\"a\":\"\\uD800\\uDC00\"}",
            "{\"a\":\"\\\\ud800\"}",
            "{\"a\":\"\\u2028\\u00e9\"}",
            // A key with blanks before its colon counts them; a line break there is YAML's.
            "{\"" + new string('k', 990) + "\"          :1}",
            "{\"" + new string('k', 990) + "\"  :1}",
            "{\"a\"\n:1}",
            "{\"a\":\n\"b\",\n\"c\"\n:1}",
            // Duplicate keys, also in a mapping large enough for a key index.
            "{" + string.Join(",", Enumerable.Range(0, 20).Select(i => $"\"k{i}\":{i}")) + ",\"k3\":0}",
            "{" + string.Join(",", Enumerable.Range(0, 20).Select(i => $"\"k{i}\":{{\"v\":{i}}}")) + "}",
            string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100)),
            string.Concat(Enumerable.Repeat("[", 101)) + string.Concat(Enumerable.Repeat("]", 101)),
            "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{\"apiVersion\":\"v1\",\"kind\":\"Pod\"},{\"kind\":\"Pod\"},3]}",
            "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"object\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}}}",
            "\ufeff{\"a\":1}",
            " \n {\"a\":1} \n ",
        ])
        {
            cases.Add(text);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void TryLoadJson_EdgeCase_SameAsTheTextsLoadOrGivesUp(string text) =>
        ParserComparison.AssertSameUtf8TreeOrGivesUp("edge.json", text);

    [Fact]
    public void TryLoadJson_ColumnsCountUtf16Units_AsInTheDecodedText()
    {
        var loaded = new ManifestLoader().TryLoadJson("f", Encoding.UTF8.GetBytes("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"\u00e9\u65e5\",\"x\":1}}"));

        var metadata = (SourceMapping)loaded.ShouldNotBeNull().Documents.ShouldHaveSingleItem().Root["metadata"]!;
        metadata.TryGetEntry("x", out var x).ShouldBeTrue();
        // "é日" is 2 characters and 5 bytes: "x" opens at character 57 (byte 60), its value is at character 61.
        x.KeyPosition.ShouldBe(new SourcePosition(1, 57));
        x.ValuePosition.ShouldBe(new SourcePosition(1, 61));
    }

    [Fact]
    public void TryLoadJson_BytesThatAreNotUtf8_GivesUp() =>
        new ManifestLoader().TryLoadJson("f", [(byte)'{', (byte)'"', 0xC3, (byte)'"', (byte)':', (byte)'1', (byte)'}']).ShouldBeNull();

    [Fact]
    public void TryLoadJson_OverTheLoadersLimits_GivesUpForTheTextsLoadToReportThem()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 10)) + string.Concat(Enumerable.Repeat("]", 10));
        new ManifestLoader(LoaderLimits.Default with { MaxDepth = 5 }).TryLoadJson("f", Encoding.UTF8.GetBytes(deep)).ShouldBeNull();
        new ManifestLoader(LoaderLimits.Default with { MaxExpandedNodes = 3 }).TryLoadJson("f", "[1,2,3,4]"u8).ShouldBeNull();
        new ManifestLoader(LoaderLimits.Default with { MaxExpandedNodes = 5 }).TryLoadJson("f", "[1,2,3,4]"u8).ShouldNotBeNull();
    }
}
