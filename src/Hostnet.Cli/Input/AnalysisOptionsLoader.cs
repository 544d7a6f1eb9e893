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

        return TryParseKubeVersion(kubeVersion, environment, out var version) ? options with { KubeVersion = version } : null;
    }

    /// <summary>Parses <c>--kube-version</c>; a malformed one, or one older than <see cref="KubeVersion.Oldest"/>, is one line on standard error.</summary>
    public static bool TryParseKubeVersion(string text, CliEnvironment environment, out KubeVersion version)
    {
        if (!KubeVersion.TryParse(text, out version))
        {
            environment.Error.WriteLine($"hostnet: --kube-version must look like 1.30, not '{text}'");
            return false;
        }

        if (version < KubeVersion.Oldest)
        {
            environment.Error.WriteLine($"hostnet: --kube-version {version} is older than {KubeVersion.Oldest}, the oldest release whose behaviour hostnet mirrors ({KubeVersion.Oldest} to {KubeVersion.Latest})");
            return false;
        }

        return true;
    }
}
