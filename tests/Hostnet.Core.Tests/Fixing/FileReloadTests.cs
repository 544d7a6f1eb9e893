using Hostnet.Core.Analysis;
using Hostnet.Core.Documents;
using Hostnet.Core.Fixing;
using Hostnet.Core.Loading;
using Hostnet.Core.Rules;
using Hostnet.Core.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Core.Tests.Fixing;

public sealed class FileReloadTests
{
    private const string First = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  hostNetwork: true\n  containers:\n  - name: a\n    image: example.com/a:1\n";

    private const string Second = "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata: {k: v}\n";

    // Aliased items: both Pods of the List are one node, which must move once.
    private const string List = "---\napiVersion: v1\nkind: List\nitems:\n- &pod\n  apiVersion: v1\n  kind: Pod\n  metadata:\n    name: c\n  spec:\n    containers: [{name: c, image: example.com/c:1}]\n- *pod\n";

    // A merge key copies the scalar values of the mapping it names into this one, and a scalar alias repeats a value:
    // each copy is kept inline in its own mapping, and each must move once.
    private const string Merged = "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\nbase: &b {k: v, port: 80}\ndata:\n  <<: *b\n  own: &x \"8080\"\n  again: *x\n";

    private const string NotAnObject = "---\n- just\n- a list\n";

    [Theory]
    [InlineData("  dnsPolicy: ClusterFirstWithHostNet\n  priorityClassName: x\n")]
    [InlineData("")]
    public void Of_EditInTheFirstDocument_KeepsTheOthersMovedToWhereALoadOfTheNewTextPutsThem(string added)
    {
        var before = new SourceFile("a.yaml", First + Second + List + Merged + NotAnObject);
        var after = before with { Text = First.Replace("spec:\n", "spec:\n" + added, StringComparison.Ordinal).Replace("name: a\n", "name: a2\n", StringComparison.Ordinal) + Second + List + Merged + NotAnObject };
        var loader = new ManifestLoader();
        var loaded = loader.Load(before);

        var reload = FileReload.Of(loader, before, loaded, after);

        var fresh = loader.Load(after);
        Shape(reload.Result).ShouldBe(Shape(fresh));
        reload.Dropped.ShouldBe([loaded.Documents[0]]);
        reload.Result.Documents[0].ShouldNotBeSameAs(loaded.Documents[0]);
        reload.Result.Documents.Skip(1).ShouldBe(loaded.Documents.Skip(1));
        var lines = added.Count(c => c == '\n');
        reload.Moved.ShouldBe(lines == 0 ? [] : loaded.Documents.Skip(1).Select(d => (d, lines)).ToArray());
    }

    [Fact]
    public void Of_EditInTheLastDocument_KeepsTheOthersWhereTheyWere()
    {
        var before = new SourceFile("a.yaml", Second + First.Replace("apiVersion", "---\napiVersion", StringComparison.Ordinal));
        var after = before with { Text = before.Text.Replace("  hostNetwork: true\n", "  hostNetwork: true\n  dnsPolicy: Default\n", StringComparison.Ordinal) };
        var loader = new ManifestLoader();
        var loaded = loader.Load(before);

        var reload = FileReload.Of(loader, before, loaded, after);

        Shape(reload.Result).ShouldBe(Shape(loader.Load(after)));
        reload.Result.Documents[0].ShouldBeSameAs(loaded.Documents[0]);
        reload.Moved.ShouldBeEmpty();
        reload.Dropped.ShouldBe([loaded.Documents[1]]);
    }

    [Theory]
    [InlineData("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\"}}\n", "\"a\"", "\"b\"")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n", "{name: a}", "{name: [a}")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n", "{name: a}\n", "{name: a}\n---\n")]
    public void Of_JsonStreamNewProblemOrOtherDocumentCount_LoadsTheWholeText(string text, string oldValue, string newValue)
    {
        var before = new SourceFile("a.yaml", text);
        var after = before with { Text = text.Replace(oldValue, newValue, StringComparison.Ordinal) };
        var loader = new ManifestLoader();
        var loaded = loader.Load(before);

        var reload = FileReload.Of(loader, before, loaded, after);

        Shape(reload.Result).ShouldBe(Shape(loader.Load(after)));
        reload.Dropped.ShouldBe(loaded.Documents);
        reload.Result.Documents.ShouldNotContain(d => loaded.Documents.Contains(d));
    }

    [Fact]
    public void Of_TextGrownPastTheSizeLimit_IsRefusedAsALoadOfItIs()
    {
        var before = new SourceFile("a.yaml", First + Second);
        var after = before with { Text = First.Replace("spec:\n", "spec:\n  dnsPolicy: ClusterFirstWithHostNet\n", StringComparison.Ordinal) + Second };
        var loader = new ManifestLoader(LoaderLimits.Default with { MaxFileBytes = before.Text.Length });
        var loaded = loader.Load(before);
        loaded.Documents.Count.ShouldBe(2);

        var reload = FileReload.Of(loader, before, loaded, after);

        reload.Result.Documents.ShouldBeEmpty();
        reload.Result.Problems.ShouldHaveSingleItem().Message.ShouldStartWith("the input is larger than the");
        reload.Dropped.ShouldBe(loaded.Documents);
    }

    [Fact]
    public void Fix_FindingsInKeptDocumentsBelowAnEdit_AreWhereACheckOfTheFixedTextPutsThem()
    {
        // The first Pod gains a line (its DNS policy); the second keeps its text and reading, schema violation included.
        var second = "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n  labelz: {app: b}\nspec:\n  containers:\n  - name: b\n    image: example.com/b:1\n    ports: [{containerPort: 80, hostPort: 80}]\n";
        var file = new SourceFile("a.yaml", First + second + second.Replace("name: b", "name: c", StringComparison.Ordinal));
        var fixer = new ManifestFixer(new ManifestChecker(AnalysisOptions.Default, RuleCatalog.Rules), RuleCatalog.Fixers);

        var outcome = fixer.Fix([file]);

        outcome.Files[0].Changed.ShouldBeTrue();
        var expected = Fixtures.Check(outcome.Files[0].Text, "a.yaml");
        Findings(outcome.Report).ShouldBe(Findings(expected));
        Findings(outcome.Report).ShouldContain(f => f.Contains("labelz", StringComparison.Ordinal));
    }

    private static string[] Findings(CheckReport report) =>
        [.. report.Diagnostics.Select(d => $"{d.File}:{d.Position} {d.Rule.Id} {d.Message}")];

    /// <summary>Every node of every document with its position, then the skipped documents and problems.</summary>
    private static string[] Shape(LoadResult result) =>
        [.. result.Documents.SelectMany(d => Nodes(d.Root, d.Kind)),
         .. result.Skipped.Select(s => $"skipped {s.Position} {s.Reason}"),
         .. result.Problems.Select(p => $"problem {p.Position} {p.Message}")];

    private static IEnumerable<string> Nodes(SourceNode node, string path) => node switch
    {
        SourceMapping mapping => mapping.Entries.ToArray().SelectMany(e => Nodes(e.Value, path + "." + e.Key).Prepend($"{path}.key {e.KeyPosition} {e.Key}")).Prepend($"{path} {node.Position} mapping"),
        SourceSequence sequence => sequence.Items.SelectMany((item, i) => Nodes(item, $"{path}[{i}]")).Prepend($"{path} {node.Position} sequence"),
        _ => [$"{path} {node.Position} {node}"],
    };
}
