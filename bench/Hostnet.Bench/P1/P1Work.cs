using Hostnet.Core.Analysis;
using Hostnet.Core.Loading;
using Hostnet.Core.Reporting;
using Hostnet.Core.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hostnet.Bench.P1;

/// <summary>
/// The four things P1 times over one directory. Each returns a count that depends on all the work,
/// so nothing can be optimised away, and each starts from the files on disk.
/// </summary>
internal static class P1Work
{
    public const string Events = "events";
    public const string YamlStreamLoad = "yamlstream";
    public const string YamlStreamParallel = "yamlstream-parallel";
    public const string Check = "check";
    public const string CheckJson = "check-json";

    public static IReadOnlyList<P1Mode> Modes { get; } =
    [
        new(CheckJson, "hostnet: read + load + check + JSON report", CheckWithJsonReport),
        new(Check, "hostnet: read + load + check (all rules)", CheckOnly),
        new(YamlStreamParallel, "baseline: read + YamlStream.Load, files in parallel", LoadWithYamlStreamInParallel),
        new(YamlStreamLoad, "baseline: read + YamlStream.Load", LoadWithYamlStream),
        new(Events, "baseline: read + Parser.MoveNext (events)", ParseEvents),
    ];

    /// <summary>YamlDotNet's event parser alone: the floor under any YAML reader.</summary>
    public static long ParseEvents(string directory)
    {
        var events = 0L;
        foreach (var file in InputFiles.Read(directory))
        {
            using var reader = new StringReader(file.Text);
            var parser = new Parser(reader);
            while (parser.MoveNext())
            {
                events++;
            }
        }

        return events;
    }

    /// <summary>YamlDotNet's representation model: the documented "parse the same bytes with the same parser".</summary>
    public static long LoadWithYamlStream(string directory)
    {
        var documents = 0L;
        foreach (var file in InputFiles.Read(directory))
        {
            using var reader = new StringReader(file.Text);
            var stream = new YamlStream();
            stream.Load(reader);
            documents += stream.Documents.Count;
        }

        return documents;
    }

    /// <summary>The same, spread over the cores as hostnet's loader spreads its parsing (Parallel.For over files).</summary>
    public static long LoadWithYamlStreamInParallel(string directory)
    {
        var files = InputFiles.Read(directory);
        var documents = 0L;
        Parallel.For(0, files.Count, i =>
        {
            using var reader = new StringReader(files[i].Text);
            var stream = new YamlStream();
            stream.Load(reader);
            Interlocked.Add(ref documents, stream.Documents.Count);
        });
        return documents;
    }

    /// <summary>What <c>hostnet check DIR</c> does, minus writing a report (CheckCommand.Run).</summary>
    public static long CheckOnly(string directory) => RunCheck(directory, out _).Diagnostics.Count;

    /// <summary>What <c>hostnet check DIR --format json</c> does, the report going to a null writer.</summary>
    public static long CheckWithJsonReport(string directory)
    {
        var report = RunCheck(directory, out var files);
        ReportWriters.For(ReportFormat.Json, colour: false).Write(report, Sources(files), TextWriter.Null);
        return report.Diagnostics.Count;
    }

    /// <summary>As the CLI: each file read when its turn to be parsed comes, its text dropped once parsed.</summary>
    public static CheckReport RunCheck(string directory, out List<(string Name, string Path)> files)
    {
        var list = InputFiles.List(directory);
        files = list;
        var loader = new ManifestLoader(LoaderLimits.Default);
        var loaded = loader.LoadAll(list.Count, i => InputFiles.Open(list[i])).OfType<LoadResult>().ToList();
        return new ManifestChecker(AnalysisOptions.Default, RuleCatalog.Rules).Check(loaded);
    }

    /// <summary>As the CLI: a file is read again only when a writer quotes one of its lines.</summary>
    public static ReportSources Sources(List<(string Name, string Path)> files)
    {
        var byName = files.ToDictionary(f => f.Name, StringComparer.Ordinal);
        return new ReportSources(name => byName.TryGetValue(name, out var file) ? InputFiles.Open(file).Text : null);
    }
}
