using Hostnet.Core.Analysis;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;

namespace Hostnet.Cli.Input;

/// <summary>The analysis options of a run: <c>.hostnet.yaml</c> (found or given) and <c>--kube-version</c>; problems go to standard error.</summary>
internal static class AnalysisOptionsLoader
{
    public static AnalysisOptions? Load(string? configPath, string? kubeVersion, CliEnvironment environment)
    {
        var problems = new List<InputProblem>();
        var options = ConfigLocator.Load(configPath, environment.WorkingDirectory, problems).ApplyTo(AnalysisOptions.Default);
        foreach (var problem in problems)
        {
            environment.Error.WriteLine($"hostnet: {problem.File}:{problem.Position}: {problem.Message}");
        }

        if (problems.Count > 0)
        {
            return null;
        }

        if (kubeVersion is null)
        {
            return options;
        }

        if (!KubeVersion.TryParse(kubeVersion, out var version))
        {
            environment.Error.WriteLine($"hostnet: --kube-version must look like 1.30, not '{kubeVersion}'");
            return null;
        }

        return options with { KubeVersion = version };
    }
}
