using Hostnet.Core.Analysis;
using Hostnet.Core.Configuration;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;

namespace Hostnet.Cli.Input;

/// <summary>The analysis options of a run: <c>.hostnet.yaml</c> (found or given) and <c>--kube-version</c> (<see cref="RunSetup"/>); problems go to standard error.</summary>
internal static class AnalysisOptionsLoader
{
    public static AnalysisOptions? Load(string? configPath, string? kubeVersion, CliEnvironment environment)
    {
        var problems = new List<InputProblem>();
        var config = ConfigLocator.Load(configPath, environment.WorkingDirectory, problems);
        foreach (var problem in problems)
        {
            environment.Error.WriteLine($"hostnet: {problem.File}:{problem.Position}: {problem.Message}");
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var options = RunSetup.Options(config, kubeVersion, out var versionProblem);
        if (versionProblem is not null)
        {
            environment.Error.WriteLine($"hostnet: {versionProblem}");
        }

        return options;
    }

    /// <summary>Parses <c>--kube-version</c> alone (for commands without a configuration); a problem is one line on standard error.</summary>
    public static bool TryParseKubeVersion(string text, CliEnvironment environment, out KubeVersion version)
    {
        if (RunSetup.TryParseKubeVersion(text, out version, out var problem))
        {
            return true;
        }

        environment.Error.WriteLine($"hostnet: {problem}");
        return false;
    }
}
