using Hostnet.Core.Analysis;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;
using Hostnet.Core.Rules;

namespace Hostnet.Core.Tests.Support;

/// <summary>Runs the whole checker over in-memory text, as the CLI does over files.</summary>
internal static class Fixtures
{
    public static CheckReport Check(string text, string file = "fixture.yaml", AnalysisOptions? options = null, ClusterSnapshot? cluster = null) =>
        Check([new SourceFile(file, text)], options, cluster);

    public static CheckReport Check(IEnumerable<SourceFile> files, AnalysisOptions? options = null, ClusterSnapshot? cluster = null)
    {
        var loader = new ManifestLoader();
        return new ManifestChecker(options ?? AnalysisOptions.Default, RuleCatalog.Rules) { Cluster = cluster ?? ClusterSnapshot.Empty }.Check(files.Select(loader.Load).ToList());
    }

    /// <summary>A cluster snapshot read from YAML or JSON text as <c>--cluster</c> reads it; fails on any error.</summary>
    public static ClusterSnapshot Cluster(string text, string file = "cluster.yaml")
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        var read = SnapshotReader.Read(file, stream);
        if (read.HasErrors)
        {
            throw new InvalidOperationException(string.Join("\n", read.Errors.Select(e => $"{e.File}:{e.Position}: {e.Message}")));
        }

        return read.Snapshot;
    }
}
