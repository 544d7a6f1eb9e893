using Hostnet.Core.Analysis;
using Hostnet.Core.Fixing;
using Hostnet.Core.Loading;
using Hostnet.Core.Rules;

namespace Hostnet.Cli.Input;

/// <summary>
/// <c>hostnet fix</c>'s reading: each file whole (its edits keep its text), a path that cannot be read said on
/// standard error as one line, then the safe fixes of the chosen rules against the run's options.
/// </summary>
internal static class FixedManifests
{
    /// <summary>What was fixed and what is left, and whether some path could not be read.</summary>
    public static (FixOutcome Outcome, bool Unreadable) Fix(string[] paths, RunContext run, IReadOnlySet<string>? rules, CliEnvironment environment)
    {
        var limits = LoaderLimits.Default;
        var (files, readProblems) = new InputCollector(environment, limits).Collect(paths);
        foreach (var problem in readProblems)
        {
            environment.Error.WriteLine($"hostnet: {problem.File}:{problem.Position}: {problem.Message}");
        }

        var outcome = new ManifestFixer(new ManifestChecker(run.Options, RuleCatalog.Rules), RuleCatalog.Fixers, rules).Fix(files, limits);
        return (outcome, readProblems.Count > 0);
    }
}
