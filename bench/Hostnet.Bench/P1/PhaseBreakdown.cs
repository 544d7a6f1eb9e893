using System.Diagnostics;
using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Reporting;
using Hostnet.Core.Rules;
using Hostnet.Core.Semantics.Schema;
using Hostnet.Bench.Measurement;

namespace Hostnet.Bench.P1;

/// <summary>
/// Where the time of one check goes: ManifestChecker.Check's steps replayed one by one through the public API,
/// with a stopwatch around each (and around each rule), and the peak resident set reached by the end of each. Lazy indexes of <see cref="AnalysisContext"/> are charged
/// to the first rule that asks for them.
/// </summary>
internal static class PhaseBreakdown
{
    /// <summary>Live heap (after a full collection) at three points; measured outside the timed laps.</summary>
    public static List<(string Point, long Bytes)> Heap(string directory)
    {
        var heap = new List<(string, long)>();
        var files = InputFiles.List(directory);
        var loader = new ManifestLoader(LoaderLimits.Default);
        var loaded = loader.LoadAll(files.Count, i => InputFiles.Open(files[i])).OfType<LoadResult>().ToList();
        heap.Add(("documents loaded (node trees; each text dropped once parsed)", GC.GetTotalMemory(forceFullCollection: true)));
        var objects = loaded.SelectMany(i => i.Documents).Select(ObjectReader.Read).ToList();
        heap.Add(("+ typed model", GC.GetTotalMemory(forceFullCollection: true)));
        GC.KeepAlive(objects);
        return heap;
    }

    /// <summary>The peak resident set (KiB) after each phase of the last <see cref="Run"/>, from a fresh peak.</summary>
    public static List<(string Phase, long Kilobytes)> Peaks { get; } = [];

    public static List<(string Phase, double Milliseconds)> Run(string directory)
    {
        var phases = new List<(string, double)>();
        Peaks.Clear();
        PeakMemory.Reset();
        var clock = Stopwatch.StartNew();

        var files = InputFiles.List(directory);
        Lap(phases, "enumerate files", clock);

        var loader = new ManifestLoader(LoaderLimits.Default);
        var loaded = loader.LoadAll(files.Count, i => InputFiles.Open(files[i])).OfType<LoadResult>().ToList();
        Lap(phases, "read + ManifestLoader.LoadAll (file by file: read, UTF-8, split, parse, node tree; parallel)", clock);

        var documents = loaded.SelectMany(i => i.Documents).ToArray();
        var read = new KubeObject?[documents.Length];
        Parallel.For(0, documents.Length, i => read[i] = ObjectReader.Read(documents[i]));
        var objects = read.OfType<KubeObject>().ToList();
        Lap(phases, "ObjectReader.Read (typed model; parallel)", clock);

        // ManifestChecker does these two in one parallel pass; apart, each gets its own figure.
        var violations = new IReadOnlyList<SchemaViolation>[documents.Length];
        Parallel.For(0, documents.Length, i => violations[i] = StrictDecoder.Check(documents[i]));
        var found = Enumerable.Range(0, documents.Length)
            .SelectMany(i => violations[i].Select(v => new DocumentViolation(documents[i], read[i], v)))
            .ToArray();
        Lap(phases, "StrictDecoder.Check (unknown fields, wrong types; parallel)", clock);

        var context = new AnalysisContext(objects, AnalysisOptions.Default)
        {
            UnknownFields = [.. found.Where(f => f.Violation.Kind == SchemaViolationKind.UnknownField)],
        };
        foreach (var problem in loaded.SelectMany(i => i.Problems))
        {
            context.Add(InvalidInput.From(problem));
        }

        foreach (var wrongType in found.Where(f => f.Violation.Kind == SchemaViolationKind.WrongType))
        {
            context.Add(InvalidInput.From(wrongType, context));
        }

        Lap(phases, "AnalysisContext (kind lists, input problems)", clock);

        foreach (var rule in RuleCatalog.Rules)
        {
            rule.Check(context);
            Lap(phases, "rule " + rule.Descriptor.Id + " " + rule.Descriptor.Slug, clock);
        }

        var sorted = context.Diagnostics
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Position.Line)
            .ThenBy(d => d.Position.Column)
            .ThenBy(d => d.Rule.Id, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToArray();
        var report = new CheckReport(sorted, loaded.Count, loaded.Sum(i => i.Documents.Count), [.. loaded.SelectMany(i => i.Skipped)]);
        Lap(phases, "sort findings", clock);

        var sources = P1Work.Sources(files);
        Lap(phases, "ReportSources (lazy: no file is read again for JSON)", clock);

        ReportWriters.For(ReportFormat.Json, colour: false).Write(report, sources, TextWriter.Null);
        Lap(phases, "JsonReportWriter", clock);
        return phases;
    }

    /// <summary>Records a phase's time, and the peak resident set so far when it can be reset per run (see <see cref="PeakMemory"/>).</summary>
    private static void Lap(List<(string, double)> phases, string phase, Stopwatch clock)
    {
        phases.Add((phase, clock.Elapsed.TotalMilliseconds));
        Peaks.Add((phase, PeakMemory.Kilobytes() ?? 0));
        clock.Restart();
    }
}
