namespace Hostnet.Core.Tests.Support;

/// <summary>Finds the repository root and the shared folder beside it from the test assembly's location.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The shared specification and corpus, at <c>../shared</c> from the repository root.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string TestData => Path.Combine(AppContext.BaseDirectory, "testdata");

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
