using Hostnet.Core.Analysis;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Reporting;
using Hostnet.Core.Rules;

namespace Hostnet.Cli.Input;

/// <summary>
/// <c>hostnet check</c>'s reading: file by file, each text dropped once parsed (what stays is the node trees with
/// positions), checked against the run's options and cluster; the report and how to quote the files it names.
/// </summary>
internal static class CheckedManifests
{
    /// <summary>The report, or null when the paths hold no manifest and that is not allowed (said on standard error).</summary>
    public static (CheckReport Report, ReportSources Sources)? Check(string[] paths, RunContext run, bool allowEmpty, CliEnvironment environment)
    {
        var limits = LoaderLimits.Default;
        var collector = new InputCollector(environment, limits);
        var inputs = collector.Inputs(paths);
        if (inputs.Count == 0 && !allowEmpty)
        {
            environment.Error.WriteLine($"hostnet: no *.yaml, *.yml or *.json file in {string.Join(", ", paths)}: nothing to check (--allow-empty makes this exit 0)");
            return null;
        }

        var readProblems = new InputProblem?[inputs.Count];
        var loaded = new ManifestLoader(limits).LoadAll(inputs.Count, i => collector.Read(inputs[i], out readProblems[i]))
            .OfType<LoadResult>()
            .ToList();

        // One input per unreadable path, so the summary counts every path given.
        loaded.AddRange(readProblems.OfType<InputProblem>().GroupBy(p => p.File, StringComparer.Ordinal).Select(g => new LoadResult([], [.. g], [])));

        var report = new ManifestChecker(run.Options, RuleCatalog.Rules) { Cluster = run.Cluster ?? ClusterSnapshot.Empty }.Check(loaded);

        // Only the text format quotes lines, and only of files with findings: those are read again when quoted.
        var byName = new Dictionary<string, InputSource>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            byName.TryAdd(input.Name, input);
        }

        return (report, new ReportSources(name => byName.TryGetValue(name, out var input) ? collector.Text(input) : null));
    }
}
