using Hostnet.Core.Editing;
using Hostnet.Core.Fixing;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Editing;

/// <summary>
/// The spans <see cref="LoadedSpans"/> finds from a loaded tree and its text must be exactly those YamlDotNet gives
/// (<see cref="SpanReader"/>, which they replace) wherever it answers: on every document of the examples, the corpus and
/// the test data, and on YAML chosen to be awkward. Where it cannot answer exactly it must say so (null), so that
/// YamlDotNet reads the document.
/// </summary>
public sealed class LoadedSpansTests
{
    public static TheoryData<string> Files() => RepositoryPaths.ManifestFixtures();

    [Theory]
    [MemberData(nameof(Files))]
    public void TryRead_EveryDocumentOfTheFixtures_GivesYamlDotNetsSpansOrNull(string name)
    {
        // Compare asserts, document by document, that every answer equals YamlDotNet's spans.
        _ = Compare(File.ReadAllText(Path.Combine(RepositoryPaths.Root, name)));
    }

    [Fact]
    public void TryRead_WorkloadsOfTheFixtures_AreAnsweredFromTheLoadedTree()
    {
        // Not vacuous: what fix edits (workloads) is the YAML manifests are made of, which the loaded tree answers.
        var (answered, workloads) = (0, 0);
        var unanswered = new List<string>();
        foreach (var name in Files().Select(static (object[] row) => (string)row[0]))
        {
            var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, name));
            var lines = new TextLines(text);
            foreach (var document in new ManifestLoader().Load(new SourceFile(name, text)).Documents.Where(d => ObjectReader.Read(d) is Workload))
            {
                workloads++;
                if (LoadedSpans.TryRead(text, lines, document.Root) is null)
                {
                    unanswered.Add(name + ":" + document.Root.Position);
                }
                else
                {
                    answered++;
                }
            }
        }

        answered.ShouldBeGreaterThan(workloads * 9 / 10, $"{answered} of {workloads}; not: {string.Join(", ", unanswered)}");
    }

    [Theory]
    [InlineData("flow", "apiVersion: v1\nkind: Pod\nspec: {hostNetwork: true, ports: [80, \"81\", '82'], empty: {}, none: [], nested: {a: [x, {b: c}]}}\n")]
    [InlineData("flow over lines", "apiVersion: v1\nkind: Pod\nspec:\n  ports: [\n    {containerPort: 80, hostPort: 80},   # first\n    {containerPort: 81},\n  ]\n  map: {\n    a: 1,\n    b: 2\n  }\n")]
    [InlineData("comments", "# head\napiVersion: v1\nkind: Pod # the kind\nmetadata:\n  # inside\n  name: a#b   # name\n  url: http://x/#y\nspec:\n  hostNetwork: true\n# tail\n")]
    [InlineData("quoted keys and values", "apiVersion: v1\n\"kind\": Pod\n'spec':\n  'it''s': 'a''b'\n  \"say \\\"hi\\\"\": \"x\\ty\"\n  \"\": ''\n  plain: \"\"\n")]
    [InlineData("CRLF", "apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  hostNetwork: true   \r\n  containers:\r\n  - name: a\r\n    ports: [{containerPort: 80}]\r\n  dnsPolicy: \"Default\"\r\n")]
    [InlineData("empty values", "apiVersion: v1\nkind: Pod\nmetadata:\nspec:\n  a:\n  b: ~\n  c:   # nothing\n  list:\n  - \n  - x\n  -\n")]
    [InlineData("sequences", "apiVersion: v1\nkind: Pod\nspec:\n  a:\n  - x\n  - - y\n    - z\n  b:\n    -   name: wide\n        port: 1\n    - {k: v}\n")]
    [InlineData("colons and dashes", "apiVersion: v1\nkind: Pod\nspec:\n  image: nginx:1.25\n  url: http://a:8080/b\n  neg: -1\n  key:with:colons: v\n  time: 12:30:00\n")]
    [InlineData("unicode", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"é😀\"\n  labels: {a: \"😀\", b: é, c: 'x'}\n")]
    [InlineData("JSON", "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"spec\": {\n    \"hostNetwork\": true,\n    \"ports\": [ 80, 81 ],\n    \"empty\": {}\n  }\n}\n")]
    [InlineData("JSON in one line", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"hostNetwork\":true,\"x\":\"a\\\"b\\\\\"}}")]
    [InlineData("documents", "---\napiVersion: v1\nkind: Pod\nspec: {a: 1}\n---\n# only a comment\n---\napiVersion: v1\nkind: Pod\nspec:\n  b: 2\n...\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  spec: {c: 3}\n- apiVersion: v1\n  kind: Pod\n  spec:\n    d: 4\n")]
    public void TryRead_AwkwardYaml_GivesYamlDotNetsSpans(string because, string text)
    {
        var (answered, documents, _) = Compare(text);

        documents.ShouldBeGreaterThan(0, because);
        answered.ShouldBe(documents, because);
    }

    [Theory]
    [InlineData("an anchor and its alias", "apiVersion: v1\nkind: Pod\nspec:\n  a: &x 1\n  b: *x\n")]
    [InlineData("an anchor never used", "apiVersion: v1\nkind: Pod\nspec: &s\n  a: 1\n")]
    [InlineData("a merge key", "apiVersion: v1\nkind: Pod\nbase: &b {a: 1}\nspec:\n  <<: *b\n  c: 2\n")]
    [InlineData("a tag", "apiVersion: v1\nkind: Pod\nspec:\n  a: !!str 1\n")]
    [InlineData("a literal block", "apiVersion: v1\nkind: Pod\nspec:\n  script: |\n    echo a\n    echo b\n  after: 1\n")]
    [InlineData("a folded block", "apiVersion: v1\nkind: Pod\nspec:\n  script: >-\n    echo a\n    echo b\n")]
    [InlineData("a plain scalar over lines", "apiVersion: v1\nkind: Pod\nspec:\n  a: one\n    two\n  b: 1\n")]
    [InlineData("a quoted scalar over lines", "apiVersion: v1\nkind: Pod\nspec:\n  a: \"one\n    two\"\n  b: 1\n")]
    public void TryRead_WhatTheTextCannotTellSimply_IsNullOrYamlDotNetsSpans(string because, string text)
    {
        var (answered, documents, _) = Compare(text);

        documents.ShouldBe(1, because);
        answered.ShouldBeInRange(0, 1, because);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Pod\nspec:\n  a: &x 1\n  b: *x\n")]
    [InlineData("apiVersion: v1\nkind: Pod\nspec: &s\n  a: 1\n")]
    [InlineData("apiVersion: v1\nkind: Pod\nbase: &b {a: 1}\nspec:\n  <<: *b\n  c: 2\n")]
    [InlineData("apiVersion: v1\nkind: Pod\nspec:\n  a: !!str 1\n")]
    [InlineData("apiVersion: v1\nkind: Pod\nspec:\n  script: |\n    echo a\n  after: 1\n")]
    [InlineData("apiVersion: v1\nkind: Pod\nspec:\n  a: one\n    two\n  b: 1\n")]
    public void TryRead_AnchorsTagsBlocksAndFoldedPlainScalars_AreLeftToYamlDotNet(string text)
    {
        var document = new ManifestLoader().Load(new SourceFile("a.yaml", text)).Documents.ShouldHaveSingleItem();

        LoadedSpans.TryRead(text, new TextLines(text), document.Root).ShouldBeNull();
    }

    [Fact]
    public void TryRead_TreesMovedByAReload_GiveYamlDotNetsSpansOfTheNewText()
    {
        // fix re-reads a fixed file keeping the documents it did not change, their trees moved down by ShiftLines; the
        // spans it then finds from those moved trees must be the new text's, for every document it answered unmoved.
        // Two lines above the first document move every other document of each fixture.
        var (answered, moved) = (0, 0);
        var loader = new ManifestLoader();
        foreach (var name in Files().Select(static (object[] row) => (string)row[0]))
        {
            var before = new SourceFile(name, File.ReadAllText(Path.Combine(RepositoryPaths.Root, name)));
            var loaded = loader.Load(before);
            var beforeLines = new TextLines(before.Text);
            var answeredUnmoved = loaded.Documents.Where(d => LoadedSpans.TryRead(before.Text, beforeLines, d.Root) is not null).ToHashSet();
            var after = before with { Text = "# two lines\n# added\n" + before.Text };
            var reload = FileReload.Of(loader, before, loaded, after);
            var lines = new TextLines(after.Text);
            foreach (var (document, by) in reload.Moved)
            {
                moved++;
                by.ShouldBe(2, name);
                var mine = LoadedSpans.TryRead(after.Text, lines, document.Root);
                (mine is not null).ShouldBe(answeredUnmoved.Contains(document), $"{name}:{document.Root.Position}");
                if (mine is not null)
                {
                    var theirs = SpanReader.FindMapping(SpanReader.Read(after.Text, [document.Root.Position.Line]), document.Root.Position);
                    theirs.ShouldNotBeNull($"{name}: YamlDotNet has no mapping at {document.Root.Position}");
                    ShouldBeSame(mine, theirs, name + ":/");
                    answered++;
                }
            }
        }

        moved.ShouldBeGreaterThan(100);
        answered.ShouldBeGreaterThan(moved / 2, $"{answered} of {moved} moved documents");
    }

    /// <summary>For each loaded document of <paramref name="text"/>: its spans from the tree, if any, equal YamlDotNet's.</summary>
    private static (int Answered, int Documents, List<string> Unanswered) Compare(string text)
    {
        var loaded = new ManifestLoader().Load(new SourceFile("a.yaml", text));
        var lines = new TextLines(text);
        var answered = 0;
        var unanswered = new List<string>();
        foreach (var document in loaded.Documents)
        {
            if (LoadedSpans.TryRead(text, lines, document.Root) is not { } mine)
            {
                unanswered.Add(document.Root.Position.ToString());
                continue;
            }

            var theirs = SpanReader.FindMapping(SpanReader.Read(text, [document.Root.Position.Line]), document.Root.Position);
            theirs.ShouldNotBeNull($"YamlDotNet has no mapping at {document.Root.Position}");
            ShouldBeSame(mine, theirs, "/");
            answered++;
        }

        return (answered, loaded.Documents.Count, unanswered);
    }

    private static void ShouldBeSame(SpanNode mine, SpanNode theirs, string path)
    {
        var at = $"{path} ({theirs.GetType().Name} at {theirs.Line}:{theirs.Column})";
        mine.GetType().ShouldBe(theirs.GetType(), at);
        (mine.Start, mine.End, mine.Line, mine.Column, mine.IsShared).ShouldBe((theirs.Start, theirs.End, theirs.Line, theirs.Column, theirs.IsShared), at);
        if (theirs is SpanScalar scalar)
        {
            var myScalar = (SpanScalar)mine;
            (myScalar.Value, myScalar.Style).ShouldBe((scalar.Value, scalar.Style), at);
            return;
        }

        var (myFlow, myClose, myChildren) = Collection(mine);
        var (flow, close, children) = Collection(theirs);
        myFlow.ShouldBe(flow, at);
        myChildren.Count.ShouldBe(children.Count, at);
        if (flow)
        {
            myClose.ShouldBe(close, at);
        }

        for (var i = 0; i < children.Count; i++)
        {
            ShouldBeSame(myChildren[i].Node, children[i].Node, path + children[i].Name);
        }
    }

    /// <summary>Whether a collection is flow, its closing bracket, and its children (a mapping's keys and values) with a path step each.</summary>
    private static (bool Flow, int Close, List<(string Name, SpanNode Node)> Children) Collection(SpanNode node) => node switch
    {
        SpanMapping mapping => (mapping.IsFlow, mapping.Close, [.. mapping.Entries.SelectMany(e => new[] { (e.Name + " (key)", e.Key), (e.Name + "/", e.Value) })]),
        SpanSequence sequence => (sequence.IsFlow, sequence.Close, [.. sequence.Items.Select((item, i) => (i + "/", item))]),
        _ => throw new ArgumentException("not a collection: " + node.GetType().Name, nameof(node)),
    };
}
