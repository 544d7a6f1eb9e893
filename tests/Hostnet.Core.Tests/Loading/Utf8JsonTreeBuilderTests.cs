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

    /// <summary>
    /// Random objects whose keys are drawn from a few that share lengths and first and last characters (so share the
    /// builder's key bits) and repeat now and then, in mappings small and large and nested: each must load as the
    /// text's loader loads it, a repeated key given up on wherever it is.
    /// </summary>
    [Fact]
    public void TryLoadJson_KeysThatShareBitsOrRepeat_SameAsTheTextsLoadOrGivesUp()
    {
        string[] keys = ["a", "b", "ab", "ba", "aa", "abc", "acc", "aXc", "a-c", "name", "nape", "node", "port", "ports", "hostPort", "hostPorx", ""];
        var random = new Random(16);
        for (var i = 0; i < 400; i++)
        {
            var text = new StringBuilder();
            AppendObject(text, random, keys, depth: 0);
            ParserComparison.AssertSameUtf8TreeOrGivesUp("keys.json", text.ToString());
        }

        static void AppendObject(StringBuilder text, Random random, string[] keys, int depth)
        {
            // Mostly distinct keys (a repeat in one of about 40 mappings), up to beyond the size a key index starts at.
            var count = random.Next(0, random.Next(2) == 0 ? 6 : 24);
            var names = keys.Concat(Enumerable.Range(0, 20).Select(k => $"k{k}")).OrderBy(_ => random.Next()).Take(count).ToList();
            if (names.Count > 0 && random.Next(40) == 0)
            {
                names.Insert(random.Next(names.Count + 1), names[random.Next(names.Count)]);
            }

            text.Append('{');
            for (var k = 0; k < names.Count; k++)
            {
                text.Append(k == 0 ? "" : ",").Append('"').Append(names[k]).Append("\":");
                if (depth < 3 && random.Next(4) == 0)
                {
                    AppendObject(text, random, keys, depth + 1);
                }
                else
                {
                    text.Append(k);
                }
            }

            text.Append('}');
        }
    }

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
