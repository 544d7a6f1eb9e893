namespace Hostnet.Bench;

/// <summary>Command-line settings of a full benchmark run.</summary>
/// <param name="Only">"p1" or "p5" to run one part; null for both.</param>
/// <param name="Quick">Only the two smaller P1 sizes and fewer start-up runs: for trying the harness, not for figures.</param>
/// <param name="Cli">The framework-dependent Release apphost of hostnet.</param>
/// <param name="ReadyToRun">A ReadyToRun publish folder of hostnet, or null when not measured.</param>
/// <param name="NativeAot">A NativeAOT publish folder of hostnet, or null when not measured.</param>
/// <param name="NativeAotBench">
/// A NativeAOT publish folder of this benchmark, or null: P2's cold placement then also runs compiled ahead of time, as
/// the shipped <c>hostnet plan</c> on linux-x64 runs the same scheduler code.
/// </param>
/// <param name="WorkDirectory">Where generated manifests go; deleted at the end unless <paramref name="Keep"/>.</param>
internal sealed record BenchSettings(string? Only, bool Quick, string Cli, string? ReadyToRun, string? NativeAot, string? NativeAotBench, string WorkDirectory, bool Keep)
{
    public bool Runs(string part) => Only is null || string.Equals(Only, part, StringComparison.OrdinalIgnoreCase);

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "hostnet.sln")))
            {
                return folder.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
