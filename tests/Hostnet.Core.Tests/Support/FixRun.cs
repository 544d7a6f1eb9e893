using System.Text.Json.Nodes;
using Hostnet.Core.Analysis;
using Hostnet.Core.Editing;
using Hostnet.Core.Fixing;
using Hostnet.Core.Loading;
using Hostnet.Core.Rules;
using Shouldly;

namespace Hostnet.Core.Tests.Support;

/// <summary>Runs the fix engine in memory and checks its two renderings against each other.</summary>
internal static class FixRun
{
    public static FixedFile Fix(string text, string file = "fixture.yaml", IReadOnlySet<string>? rules = null) =>
        new ManifestFixer(new ManifestChecker(AnalysisOptions.Default, RuleCatalog.Rules), RuleCatalog.Fixers, rules).Fix([new SourceFile(file, text)]).Files[0];

    /// <summary>
    /// One round of planning: the text edit, re-read, must give the same objects as the JSON Patch applied to the
    /// original objects. Returns the edits planned.
    /// </summary>
    public static IReadOnlyList<FieldEdit> AssertPatchMatchesText(string text, string file = "fixture.yaml")
    {
        var loader = new ManifestLoader();
        var loaded = loader.Load(new SourceFile(file, text));
        var report = new ManifestChecker(AnalysisOptions.Default, RuleCatalog.Rules).Check([loaded]);
        var plans = DocumentFindings.Assign(loaded.Documents, report.Diagnostics)
            .Select(pair => new DocumentEdits(pair.Key, FixPlanner.Plan(pair.Key, pair.Value, RuleCatalog.Fixers)))
            .ToList();
        var fixedText = TextFixer.Apply(text, plans);
        fixedText.Skipped.ShouldBeEmpty();
        var reloaded = new ManifestLoader().Load(new SourceFile(file, fixedText.Text));
        reloaded.Problems.ShouldBeEmpty();
        reloaded.Documents.Count.ShouldBe(loaded.Documents.Count);
        for (var i = 0; i < loaded.Documents.Count; i++)
        {
            var original = JsonValues.From(loaded.Documents[i].Root)!;
            var edits = plans.FirstOrDefault(p => p.Document == loaded.Documents[i])?.Edits ?? [];
            var patched = JsonPatchApplier.Apply(original, JsonPatch.From(edits));
            var edited = JsonValues.From(reloaded.Documents[i].Root)!;
            JsonNode.DeepEquals(patched, edited).ShouldBeTrue($"document {i}: patch gives\n{patched.ToJsonString()}\ntext gives\n{edited.ToJsonString()}");
        }

        return [.. plans.SelectMany(p => p.Edits)];
    }
}
