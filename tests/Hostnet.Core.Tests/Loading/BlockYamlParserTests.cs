using System.Globalization;
using System.Text;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;
using YamlDotNet.Core;

namespace Hostnet.Core.Tests.Loading;

/// <summary>
/// BlockYamlParser must build exactly the tree NodeBuilder builds from YamlDotNet's events (every node, value, style
/// and position) wherever it does not give up, and give up wherever YamlDotNet or the loader reports an error:
/// checked on hand-written edge cases, every test fixture and the vendored corpus (tests/corpus), document by document and then as
/// loaded files (loader with and without the fast path).
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
        "a: 1\nb: 2\na: 3\n",
        "a: {x: 1, x: 2}\n",
        "a: {x: 1, y: 2}\nb: [1, 2]\n",
        "k1: 1\nk2: 2\nk3: 3\nk4: 4\nk5: 5\nk6: 6\nk7: 7\nk8: 8\nk9: 9\nk10: 10\nk3: again\n",
        "base:\n  a: 1\n<<: {a: 2, b: 3}\n",
        "'<<': {a: 2}\n",
        "a: 'it''s'\nb: \"x\\ny\"\nc: |-\n  one\n\n  two\n",
        "# only a comment\n",
    ];

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void TryBuild_EdgeCase_MatchesYamlDotNetOrGivesUp(string text) => AssertSameTreeOrGivesUp(text, LoaderLimits.Default);

    [Theory]
    [InlineData("a:\n  b:\n    c: 1\n", 3)]
    [InlineData("- - - x\n", 2)]
    [InlineData("a:\n- [1, 2]\n", 2)]
    public void TryBuild_AtTheDepthLimit_GivesUpAsTheGeneralPathReportsIt(string text, int maxDepth)
    {
        var limits = LoaderLimits.Default with { MaxDepth = maxDepth };
        BlockYamlParser.TryBuild(new DocumentChunk(text), limits, new StringPool(), out _).ShouldBeFalse();
        var problems = new ManifestLoader(limits).Load(new SourceFile("deep.yaml", text)).Problems;
        problems.ShouldHaveSingleItem().Message.ShouldBe($"nesting is deeper than {maxDepth} levels");
    }

    [Fact]
    public void TryBuild_OverTheNodeLimit_GivesUp()
    {
        var limits = LoaderLimits.Default with { MaxExpandedNodes = 4 };
        BlockYamlParser.TryBuild(new DocumentChunk("a: 1\nb: 2\n"), limits, new StringPool(), out _).ShouldBeFalse();
        BlockYamlParser.TryBuild(new DocumentChunk("a: 1\n"), limits, new StringPool(), out var root).ShouldBeTrue();
        root.ShouldBeOfType<SourceMapping>().Entries.ToArray().ShouldHaveSingleItem().Key.ShouldBe("a");
    }

    [Fact]
    public void TryBuild_LaterChunk_ReadInPlacePositionedInTheFilesLines()
    {
        BlockYamlParser.TryBuild(new DocumentChunk("---\nx: 1\n---\na:\n  b: [x]\n", 13, 12, 41), LoaderLimits.Default, new StringPool(), out var root).ShouldBeTrue();
        var b = root.ShouldBeOfType<SourceMapping>()["a"].ShouldBeOfType<SourceMapping>().Entries[0];
        b.KeyPosition.ShouldBe(new SourcePosition(42, 3));
        b.Value.Position.ShouldBe(new SourcePosition(42, 6));
        ((SourceSequence)b.Value).Items[0].Position.ShouldBe(new SourcePosition(42, 7));
    }

    [Fact]
    public void TryBuild_ManifestSubset_IsTaken()
    {
        string[] taken =
        [
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels: {app: a}\nspec:\n  containers:\n  - name: a\n    command: [\"sh\", \"-c\"]\n    args:\n      - |\n        echo hi\n",
            "---\n# Source: x\napiVersion: v1\nkind: ConfigMap\ndata:\n  a: 'x'\n  b: \"y\"\n  c: |-\n    z\n",
        ];
        foreach (var text in taken)
        {
            BlockYamlParser.TryBuild(new DocumentChunk(text), LoaderLimits.Default, new StringPool(), out var root).ShouldBeTrue(text);
            root.ShouldNotBeNull(text);
        }
    }

    public static TheoryData<string> InputFiles() => [.. Files()];

    internal static IEnumerable<string> Files() =>
        ((string[])[RepositoryPaths.TestData, RepositoryPaths.Corpus])
            .SelectMany(root => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            .Where(file => Path.GetExtension(file) is ".yaml" or ".yml" or ".json");

    [Theory]
    [MemberData(nameof(InputFiles))]
    public void Load_EveryFixtureAndCorpusFile_SameTreesWithAndWithoutTheFastPath(string path)
    {
        var source = SourceFile.FromBytes(path, File.ReadAllBytes(path), out _);
        if (source is null)
        {
            return;
        }

        foreach (var chunk in DocumentSplitter.Split(source.Text).Select(c => c.Text))
        {
            AssertSameTreeOrGivesUp(chunk, LoaderLimits.Default);
        }

        var fast = new ManifestLoader().Load(source);
        var slow = new ManifestLoader { FastYaml = false }.Load(source);
        ParserComparison.Dump(fast).ShouldBe(ParserComparison.Dump(slow));
    }

    [Fact]
    public void TryBuild_Corpus_TakesMostDocuments()
    {
        var chunks = Files()
            .Where(path => path.Contains("corpus", StringComparison.Ordinal))
            .SelectMany(path => DocumentSplitter.Split(File.ReadAllText(path)).Select(c => c.Text))
            .Where(chunk => chunk.Contains("kind:", StringComparison.Ordinal))
            .ToList();
        var taken = chunks.Count(chunk => BlockYamlParser.TryBuild(new DocumentChunk(chunk), LoaderLimits.Default, new StringPool(), out var root) && root is not null);
        taken.ShouldBeGreaterThan(chunks.Count / 2, $"{taken} of {chunks.Count}");
    }

    private static void AssertSameTreeOrGivesUp(string text, LoaderLimits limits)
    {
        var taken = BlockYamlParser.TryBuild(new DocumentChunk(text), limits, new StringPool(), out var fast);
        List<SourceNode> expected;
        try
        {
            expected = [.. new NodeBuilder(new Parser(new StringReader(text)), 1, limits, new StringPool()).ReadDocuments()];
        }
        catch (Exception error) when (error is YamlException or InputException or InvalidOperationException)
        {
            taken.ShouldBeFalse($"the general path: {error.Message}");
            return;
        }

        if (taken)
        {
            ParserComparison.Dump(fast is null ? [] : [fast]).ShouldBe(ParserComparison.Dump(expected), text);
        }
    }
}
