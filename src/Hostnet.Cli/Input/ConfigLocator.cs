using Hostnet.Core.Configuration;
using Hostnet.Core.Documents;
using Hostnet.Core.Loading;

namespace Hostnet.Cli.Input;

/// <summary>Finds and reads <c>.hostnet.yaml</c>: the one named by <c>--config</c>, or the nearest one upward from the working directory.</summary>
internal static class ConfigLocator
{
    public const string FileName = ".hostnet.yaml";

    public static HostnetConfig Load(string? explicitPath, string workingDirectory, List<InputProblem> problems)
    {
        var path = explicitPath is null ? FindUpward(workingDirectory) : Path.GetFullPath(explicitPath, workingDirectory);
        if (path is null)
        {
            return HostnetConfig.Empty;
        }

        var name = explicitPath ?? Path.GetRelativePath(workingDirectory, path).Replace('\\', '/');
        try
        {
            var text = File.ReadAllText(path);
            return ConfigReader.Read(new SourceFile(name, text), problems);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            problems.Add(new InputProblem(name, SourcePosition.Start, "cannot read the configuration: " + error.Message));
            return HostnetConfig.Empty;
        }
    }

    private static string? FindUpward(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
