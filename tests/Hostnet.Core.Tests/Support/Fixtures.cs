using Hostnet.Core.Analysis;
using Hostnet.Core.Loading;

namespace Hostnet.Core.Tests.Support;

/// <summary>Runs the whole checker over in-memory text, as the CLI does over files.</summary>
internal static class Fixtures
{
    public static CheckReport Check(string text, string file = "fixture.yaml", AnalysisOptions? options = null) =>
        Check([new SourceFile(file, text)], options);

    public static CheckReport Check(IEnumerable<SourceFile> files, AnalysisOptions? options = null)
    {
        var loader = new ManifestLoader();
        return new ManifestChecker(options ?? AnalysisOptions.Default).Check(files.Select(loader.Load).ToList());
    }
}
