using System.Globalization;
using System.Text;
using Hostnet.Core.Loading;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Hostnet.Core.Tests.Loading;

/// <summary>
/// BlockYamlParser must give exactly YamlDotNet's events (values, styles, positions) wherever it does not give up,
/// and give up wherever YamlDotNet reports an error: checked on hand-written edge cases, every test fixture and the
/// shared corpus, event by event and then as loaded trees (loader with and without the fast path).
/// </summary>
public sealed class BlockYamlParserTests
{
    public static TheoryData<string> EdgeCases() =>
    [
        "a: 1\nb:\n  c: d\n",
        "a:\nb: 2\n",
        "a:\n",
        "a:    # comment\n  b: 1\n",
        "a:  \nb: 1\n",
        "-\n- a\n-\n",
        "- \n- a\n",
        "a:\n- x\n- y\nb: 1\n",
        "a:\n  - x\n  -\n  - y\n",
        "a:\n  -\n    b: 1\n",
        "- a: 1\n  b:\n  - x\n- c\n",
        "- name: a\n  value: b\n-   name: c\n    x: y\n",
        "a: 1 # c\n# full\nb: x#y\n   # indented comment\nc: 'q' # c\n",
        "a: 'it''s'\nb: \"x\\\"y\\n\\t\\\\ \\/\"\n'k': v\n\"k2\" : v\nc: ''\nd: \"\"\n",
        "a: []\nb: {}\nc: [x, 'y', \"z\"]\nd: {cpu: 20m, memory: 32Mi}\ne: [ a , b ]\nf: {'a': \"b\"}\n",
        "a: [a, ]\n",
        "a: [b:c]\n",
        "a: [http://x]\n",
        "a: {b: [c]}\n",
        "a: [a, b] # c\n",
        "a: [a, b]#c\n",
        "a: [a\n  , b]\n",
        "a: |\n  line1\n\n  line2\n\nb: |-\n  x\n   y\nc: 1\n",
        "- |\n  x\n- y\n",
        "a: |\n  x\n  # not a comment\nb: 1\n",
        "a: |\n    x\n  y\n",
        "a:\n  b: |\n    x\n# c\nd: 1\n",
        "a: |\n  x\n \n  y\n",
        "a: |\n  x\n     \n",
        "a: |\n\n  x\n",
        "a: |\nb: 1\n",
        "a: |+\n  x\n\n",
        "a: |2\n   x\n",
        "a: |\n  x",
        "a: >\n  x\n  y\n",
        "a: | # c\n  x\n",
        "---\na: 1\n",
        "--- # c\n\n# x\na: 1\n",
        "---\n",
        "---\n# only a comment\n",
        "# only\n",
        "",
        "\n\n",
        "  a: 1\n  b: 2\n",
        "a: b: c\n",
        "a: b : c\n",
        "a: 1\n  b: 2\n",
        "a: x\n  y\n",
        "a:\n  x\n",
        "- x\n  y\n",
        "a: -\n",
        "a: - b\n",
        "- - a\n",
        "a:\n  - b\n c: 1\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "<<: {a: 1}\nb: 2\n",
        "a:\tb\n",
        "a: 1\r\nb: 2\r\n",
        "? a\n: b\n",
        "a: 'x\n  y'\n",
        "k: \"\\x41\"\n",
        "a: :x\n",
        "a: -1\n",
        "a: ?x\n",
        "a: b,c\n",
        "a: b]\n",
        "url: http://x:80/y\n",
        "a: b #c\n",
        "a  : 1\n",
        "a: 1\n...\n",
        "%YAML 1.1\n---\na: 1\n",
        "a: 1\n---x\n",
        "---x\n",
        "---#x\n",
        "a: café\nb: 日本\n",
        "a: 😀\nb: 1\n",
        "hello\n",
        "[a, b]\n",
        "{\"a\": 1}\n",
        "a: 1\nb\n",
        "a: 1\n- b\n",
        "a: 1\na: 2\n",
        "a: \"x\"y\n",
        "a: 'x' y\n",
        "a: \"x\":\n",
        "a: @x\n",
        "a: %x\n",
        "a: `x`\n",
        "a: #\n",
        "a:#b\n",
        "a: b\n -c\n",
        "-a: 1\n",
        "- -a\n",
        "a: [-a, -b]\n",
        "a: {a: -b}\n",
        "a: {a: }\n",
        "a: {a:b}\n",
        "a: [a #c]\n",
        "a: [, a]\n",
        "a: [a,b]\n",
        "a: {a: 1,b: 2}\n",
        "a: [ ]\n",
        "a: { }\n",
        "a: [\"x, y\", 'a]b']\n",
        "a: b  \nc: d   # x\n",
        "spec:\n  containers:\n  - name: a\n    args:\n    - --x=1\n    ports:\n    - containerPort: 80\n      hostPort: 80\n",
    ];

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void TryParse_EdgeCase_MatchesYamlDotNetOrGivesUp(string text) => AssertSameEventsOrGivesUp(text);

    [Fact]
    public void TryParse_ManifestSubset_IsTaken()
    {
        string[] taken =
        [
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels: {app: a}\nspec:\n  containers:\n  - name: a\n    command: [\"sh\", \"-c\"]\n    args:\n      - |\n        echo hi\n",
            "---\n# Source: x\napiVersion: v1\nkind: ConfigMap\ndata:\n  a: 'x'\n  b: \"y\"\n  c: |-\n    z\n",
        ];
        foreach (var text in taken)
        {
            BlockYamlParser.TryParse(text, new StringPool()).ShouldNotBeNull(text);
        }
    }

    public static TheoryData<string> InputFiles() => [.. Files()];

    internal static IEnumerable<string> Files() =>
        ((string[])[RepositoryPaths.TestData, Path.Combine(RepositoryPaths.Shared, "corpus")])
            .SelectMany(root => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            .Where(file => Path.GetExtension(file) is ".yaml" or ".yml" or ".json");

    [Theory]
    [MemberData(nameof(InputFiles))]
    public void Load_EveryFixtureAndCorpusFile_SameEventsAndTreesWithAndWithoutTheFastPath(string path)
    {
        var source = SourceFile.FromBytes(path, File.ReadAllBytes(path), out _);
        if (source is null)
        {
            return;
        }

        foreach (var chunk in DocumentSplitter.Split(source.Text).Select(c => c.Text))
        {
            AssertSameEventsOrGivesUp(chunk);
        }

        var fast = new ManifestLoader().Load(source);
        var slow = new ManifestLoader { FastYaml = false }.Load(source);
        ParserComparison.Dump(fast).ShouldBe(ParserComparison.Dump(slow));
    }

    [Fact]
    public void TryParse_SharedCorpus_TakesMostDocuments()
    {
        var chunks = Files()
            .Where(path => path.Contains("corpus", StringComparison.Ordinal))
            .SelectMany(path => DocumentSplitter.Split(File.ReadAllText(path)).Select(c => c.Text))
            .Where(chunk => chunk.Contains("kind:", StringComparison.Ordinal))
            .ToList();
        var taken = chunks.Count(chunk => BlockYamlParser.TryParse(chunk, new StringPool()) is not null);
        taken.ShouldBeGreaterThan(chunks.Count / 2, $"{taken} of {chunks.Count}");
    }

    private static void AssertSameEventsOrGivesUp(string text) =>
        ParserComparison.AssertSameEventsOrGivesUp(text, BlockYamlParser.TryParse(text, new StringPool()));
}
