using Hostnet.Core.Loading;
using Hostnet.Core.Model;

namespace Hostnet.Cli.Input;

/// <summary>The one pod or workload of a manifest file that a command about a single pod (<c>hostnet dns FILE</c>) reads.</summary>
internal static class WorkloadInput
{
    /// <summary>The workload (the one named <paramref name="name"/> when given), or null with the problem to print.</summary>
    public static Workload? Read(string file, string? name, CliEnvironment environment, out string? problem)
    {
        problem = null;
        var limits = LoaderLimits.Default;
        var (files, readProblems) = new InputCollector(environment, limits).Collect([file]);
        var loaded = new ManifestLoader(limits).LoadAll(files);
        var first = readProblems.Concat(loaded.SelectMany(l => l.Problems)).FirstOrDefault();
        if (first is not null)
        {
            problem = $"{first.File}:{first.Position}: {first.Message}";
            return null;
        }

        var workloads = loaded.SelectMany(l => l.Documents).Select(ObjectReader.Read).OfType<Workload>().ToList();
        if (name is not null)
        {
            workloads = [.. workloads.Where(w => w.Name == name)];
        }

        if (workloads.Count == 1)
        {
            return workloads[0];
        }

        problem = workloads.Count == 0
            ? $"{file} has no pod or workload{(name is null ? string.Empty : $" named '{name}'")}"
            : name is null
                ? $"{file} has {workloads.Count} workloads ({string.Join(", ", workloads.Select(w => w.DisplayName))}); choose one with --name"
                : $"{file} has {workloads.Count} workloads named '{name}' ({string.Join(", ", workloads.Select(w => $"{w.DisplayName} in {w.Source.File}"))}); give the file that holds the one you mean";
        return null;
    }
}
