using Hostnet.Core.Loading;

namespace Hostnet.Bench.P1;

/// <summary>
/// Finds and reads input files exactly as <c>hostnet check DIR</c> does (Hostnet.Cli's InputCollector:
/// recursive *.yaml/*.yml/*.json in ordinal order, <see cref="File.ReadAllBytes"/>, <see cref="SourceFile.FromBytes"/>),
/// so the baseline and hostnet pay the same I/O. The CLI reads each file when its turn to be parsed comes
/// (<see cref="List"/> then <see cref="Open"/>); the baselines read them all first (<see cref="Read"/>).
/// </summary>
internal static class InputFiles
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public static List<SourceFile> Read(string directory) => [.. List(directory).Select(Open)];

    /// <summary>The files to read, by reported name and path, in the CLI's order.</summary>
    public static List<(string Name, string Path)> List(string directory)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        return [.. Directory.EnumerateFiles(directory, "*", options)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.Join("manifests", Path.GetRelativePath(directory, path)).Replace('\\', '/'), path))];
    }

    public static SourceFile Open((string Name, string Path) file) =>
        SourceFile.FromBytes(file.Name, File.ReadAllBytes(file.Path), out var problem)
            ?? throw new InvalidOperationException($"{file.Name}: {problem?.Message}");
}
