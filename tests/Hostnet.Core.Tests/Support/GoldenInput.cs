using Hostnet.Core.Loading;

namespace Hostnet.Core.Tests.Support;

/// <summary>The fixed multi-file input of the golden report tests: <c>testdata/golden/input/</c>, named as a user would pass it.</summary>
internal static class GoldenInput
{
    public static IReadOnlyList<SourceFile> Files()
    {
        var folder = Path.Combine(Golden.Folder, "input");
        return Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories)
            .Select(path => new SourceFile(Path.GetRelativePath(folder, path).Replace('\\', '/'), File.ReadAllText(path)))
            .OrderBy(file => file.Path, StringComparer.Ordinal)
            .ToList();
    }
}
