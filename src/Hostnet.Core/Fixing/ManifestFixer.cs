using System.Text;
using Hostnet.Core.Analysis;
using Hostnet.Core.Documents;
using Hostnet.Core.Editing;
using Hostnet.Core.Loading;

namespace Hostnet.Core.Fixing;

/// <summary>
/// Fixes inputs as <c>hostnet fix</c> does: check them together, plan and apply the fixes of each document, and check
/// the result again until nothing changes (a moved <c>hostNetwork</c> can make a DNS fix due), so a second run finds
/// nothing to do.
/// </summary>
/// <param name="checker">The check to run, with its rules and options.</param>
/// <param name="fixers">The rules' fixes, in the order they are planned (hostnet's own: <c>RuleCatalog.Fixers</c>).</param>
/// <param name="rules">Only fix findings of these rule IDs; null for every rule with a fixer.</param>
public sealed class ManifestFixer(ManifestChecker checker, IReadOnlyList<IRuleFixer> fixers, IReadOnlySet<string>? rules = null)
{
    /// <summary>Enough for a move to enable a follow-up fix; a bound in case two fixes ever undo each other.</summary>
    private const int MaxRounds = 4;

    /// <summary>
    /// The RFC 6902 patch that fixes the first object of <paramref name="file"/> (for an AdmissionReview, its
    /// <c>request.object</c>), paths relative to that object: the operations of every round, in order, each round
    /// planned on the result of the ones before. Only edits the text rendering could place are included, so the
    /// patch and <c>hostnet fix</c> agree. Empty when there is nothing to fix.
    /// </summary>
    public IReadOnlyList<JsonPatchOperation> PatchFor(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Patch(file.Path, default, file.Text, loaded: null);
    }

    /// <summary>
    /// <see cref="PatchFor(SourceFile)"/> of one JSON object in UTF-8, as an AdmissionReview's body holds it: the first
    /// round loads the bytes without decoding them (<see cref="ManifestLoader.LoadJson"/>), or takes
    /// <paramref name="loaded"/>, their load already made while the review was read; the text the fixes are rendered
    /// into is decoded only when there is something to fix.
    /// </summary>
    public IReadOnlyList<JsonPatchOperation> PatchFor(string path, ReadOnlyMemory<byte> json, LoadResult? loaded = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Patch(path, json.Span, text: null, loaded);
    }

    /// <param name="path">The name to load the input under.</param>
    /// <param name="json">The input in UTF-8 when <paramref name="text"/> is null.</param>
    /// <param name="text">The input's text, or null to decode it from <paramref name="json"/> when needed.</param>
    /// <param name="loaded">The first round's load of the input, or null to load it here.</param>
    private List<JsonPatchOperation> Patch(string path, ReadOnlySpan<byte> json, string? text, LoadResult? loaded)
    {
        // One object: sharing its strings would cost more than it saves, as for a review's check.
        var loader = new ManifestLoader { ShareStrings = false };
        var operations = new List<JsonPatchOperation>();
        loaded ??= text is null ? loader.LoadJson(path, json) : loader.Load(new SourceFile(path, text));
        for (var round = 0; round < MaxRounds; round++)
        {
            if (round > 0)
            {
                loaded = loader.Load(new SourceFile(path, text!));
            }

            if (loaded.Documents.Count == 0)
            {
                break;
            }

            var document = loaded.Documents[0];
            // The check's reading of the document is the one the fixes are planned on: it is not read a second time.
            var readings = new Dictionary<ManifestDocument, DocumentReading>(ReferenceEqualityComparer.Instance);
            var report = checker.Check([loaded], readings, out _);
            var findings = DocumentFindings.Assign(loaded.Documents, report.Diagnostics.Where(d => rules is null || rules.Contains(d.Rule.Id)));
            var edits = findings.TryGetValue(document, out var mine) ? FixPlanner.Plan(document, readings[document].Object, mine, fixers) : [];
            if (edits.Count == 0)
            {
                break;
            }

            text ??= Encoding.UTF8.GetString(json);
            var fix = TextFixer.Apply(text, [new DocumentEdits(document, edits)]);
            if (fix.Applied.Count == 0)
            {
                break;
            }

            operations.AddRange(JsonPatch.From(edits.Where(fix.Applied.Contains)));
            text = fix.Text;
        }

        return operations;
    }

    /// <summary>
    /// Fixes <paramref name="files"/> together (cross-object findings need all of them), round after round until nothing
    /// changes. Each round after the first parses and reads again only the documents whose text the round before
    /// changed (<see cref="FileReload"/>): the others are the same, and reloading them would cost a second parse of
    /// everything and a second set of node trees, which on a few very large files is most of the input.
    /// </summary>
    public FixOutcome Fix(IReadOnlyList<SourceFile> files, LoaderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var loader = new ManifestLoader(limits ?? LoaderLimits.Default);
        var current = files.ToArray();
        var applied = files.Select(_ => new List<FieldEdit>()).ToArray();
        var loaded = loader.LoadAll(current).ToArray();
        var readings = new Dictionary<ManifestDocument, DocumentReading>(ReferenceEqualityComparer.Instance);
        for (var round = 0; ; round++)
        {
            var report = checker.Check(loaded, readings, out _);
            var changed = new List<(int Index, SourceFile Before)>();
            var fixable = report.Diagnostics
                .Where(d => fixers.Any(f => f.Rule.Id == d.Rule.Id) && (rules is null || rules.Contains(d.Rule.Id)))
                .ToLookup(d => d.File, StringComparer.Ordinal);
            for (var i = 0; i < current.Length && round < MaxRounds; i++)
            {
                var findings = fixable[current[i].Path];
                if (!findings.Any())
                {
                    continue;
                }

                var plans = DocumentFindings.Assign(loaded[i].Documents, findings)
                    .Select(pair => new DocumentEdits(pair.Key, FixPlanner.Plan(pair.Key, readings[pair.Key].Object, pair.Value, fixers)));
                var fix = TextFixer.Apply(current[i].Text, plans);
                if (!string.Equals(fix.Text, current[i].Text, StringComparison.Ordinal))
                {
                    changed.Add((i, current[i]));
                    current[i] = current[i] with { Text = fix.Text };
                    applied[i].AddRange(fix.Applied);
                }
            }

            if (changed.Count == 0)
            {
                return new FixOutcome([.. files.Select((file, i) => new FixedFile(file, current[i].Text, applied[i]))], report);
            }

            var reloads = new FileReload[changed.Count];
            Parallel.For(0, changed.Count, k => reloads[k] = FileReload.Of(loader, changed[k].Before, loaded[changed[k].Index], current[changed[k].Index]));
            for (var k = 0; k < changed.Count; k++)
            {
                foreach (var replaced in reloads[k].Dropped)
                {
                    readings.Remove(replaced);
                }

                foreach (var (document, lines) in reloads[k].Moved)
                {
                    // The tree moved; what was read of it holds positions of its own only in its schema violations.
                    if (readings.TryGetValue(document, out var reading) && reading.Violations.Count > 0)
                    {
                        readings[document] = reading with { Violations = [.. reading.Violations.Select(v => v with { Position = v.Position.ShiftedBy(lines) })] };
                    }
                }

                loaded[changed[k].Index] = reloads[k].Result;
            }
        }
    }
}
