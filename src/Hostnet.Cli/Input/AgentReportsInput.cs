using Hostnet.Core.Loading;
using Hostnet.Core.Rules;

namespace Hostnet.Cli.Input;

/// <summary>
/// <c>audit --listeners DIR</c>: the node agents' reports (<c>hostnet agent --once --format json</c>, one <c>*.json</c> file
/// per node) of a directory, read by <see cref="AgentReportReader"/>. Problems go to standard error as
/// <c>hostnet: FILE:LINE:COLUMN: …</c>; the files and items that can be read are still used.
/// </summary>
internal static class AgentReportsInput
{
    /// <summary>The reports, and whether every file was read whole; null when the directory gives none at all.</summary>
    public static (IReadOnlyList<AgentReport> Reports, bool Clean)? Load(string directory, CliEnvironment environment)
    {
        var full = Path.GetFullPath(directory, environment.WorkingDirectory);
        if (!Directory.Exists(full))
        {
            environment.Error.WriteLine($"hostnet: --listeners {directory}: no such directory");
            return null;
        }

        var problems = new List<InputProblem>();
        var files = new List<SourceFile>();
        var unreadable = 0;
        foreach (var path in Directory.EnumerateFiles(full, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.Combine(directory, Path.GetFileName(path));
            try
            {
                if (SourceFile.FromBytes(name, File.ReadAllBytes(path), out var problem) is { } file)
                {
                    files.Add(file);
                }
                else
                {
                    problems.Add(problem!);
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                environment.Error.WriteLine($"hostnet: {name}: cannot read the agent's report: {error.Message}");
                unreadable++;
            }
        }

        var reports = AgentReportReader.ReadAll(files, RuleCatalog.NodeRules.Select(r => r.Descriptor.Id).ToHashSet(StringComparer.Ordinal), problems);
        foreach (var problem in problems)
        {
            environment.Error.WriteLine($"hostnet: {problem.File}:{problem.Position}: {problem.Message}");
        }

        if (reports.Count == 0)
        {
            environment.Error.WriteLine($"hostnet: --listeners {directory}: no report of hostnet agent --once --format json in it (*.json, one per node)");
            return null;
        }

        return (reports, problems.Count == 0 && unreadable == 0);
    }
}
