using Xunit;

namespace Hostnet.Core.Tests.Support;

/// <summary>Finds the repository root, and the vendored corpus and reference data in it, from the test assembly's location.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The real-world manifests and policy suites (<c>tests/corpus</c>, sources and licences in its SOURCES.md).</summary>
    public static string Corpus => Path.Combine(Root, "tests", "corpus");

    /// <summary>Upstream reference data: API round-trip fixtures and the SARIF schema (<c>tests/reference</c>).</summary>
    public static string Reference => Path.Combine(Root, "tests", "reference");

    public static string TestData => Path.Combine(AppContext.BaseDirectory, "testdata");

    /// <summary>Every YAML and JSON file of <c>examples</c>, the corpus and the test data, by its path from the root.</summary>
    public static TheoryData<string> ManifestFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { Path.Combine(Root, "examples"), Corpus, TestData })
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (Path.GetExtension(file) is ".yaml" or ".yml" or ".json")
                {
                    data.Add(Path.GetRelativePath(Root, file).Replace('\\', '/'));
                }
            }
        }

        return data;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "hostnet.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("hostnet.sln not found above " + AppContext.BaseDirectory);
    }
}
