using Hostnet.Core.Loading;

namespace Hostnet.Bench.P1;

/// <summary>
/// Finds and reads input files exactly as <c>hostnet check DIR</c> does (Hostnet.Cli's InputCollector:
/// recursive *.yaml/*.yml/*.json in ordinal order, <see cref="File.ReadAllBytes"/>, <see cref="SourceFile.FromBytes"/>),
/// so the baseline and hostnet pay the same I/O.
/// </summary>
internal static class InputFiles
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public static List<SourceFile> Read(string directory)
    {
        var files = new List<SourceFile>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        var paths = Directory.EnumerateFiles(directory, "*", options)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var name = Path.Join("manifests", Path.GetRelativePath(directory, path)).Replace('\\', '/');
            var file = SourceFile.FromBytes(name, File.ReadAllBytes(path), out var problem)
                ?? throw new InvalidOperationException($"{name}: {problem?.Message}");
            files.Add(file);
        }

        return files;
    }
}
