using Hostnet.Core.Loading;

namespace Hostnet.Cli.Input;

/// <summary>The manifests of the paths given, loaded; every problem on standard error as <c>hostnet: FILE:LINE:COLUMN: …</c>.</summary>
internal static class ManifestInput
{
    /// <summary>What loaded; <paramref name="clean"/> is false when any path or document had a problem.</summary>
    public static IReadOnlyList<LoadResult> Load(IEnumerable<string> paths, CliEnvironment environment, out bool clean)
    {
        var limits = LoaderLimits.Default;
        var (files, problems) = new InputCollector(environment, limits).Collect(paths);
        var loaded = new ManifestLoader(limits).LoadAll(files);
        problems.AddRange(loaded.SelectMany(l => l.Problems));
        foreach (var problem in problems)
        {
            environment.Error.WriteLine($"hostnet: {problem.File}:{problem.Position}: {problem.Message}");
        }

        clean = problems.Count == 0;
        return loaded;
    }
}
