using Hostnet.Core.Analysis;
using Hostnet.Core.Audit;
using Hostnet.Core.Loading;
using Hostnet.Core.Tests.Support;
using Shouldly;

namespace Hostnet.Core.Tests.Audit;

/// <summary>The audit of a snapshot under testdata/audit/, named by its file name so that reports do not depend on the checkout's path.</summary>
internal static class AuditFixtures
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "Hostnet.Core.Tests", "testdata", "audit");

    /// <param name="listeners">The node agents' reports, as <c>audit --listeners</c> gives them.</param>
    public static AuditReport Audit(string name, IReadOnlyList<AgentReport>? listeners = null)
    {
        using var stream = File.OpenRead(Path.Combine(Folder, name));
        var read = SnapshotReader.Read(name, stream);
        read.Errors.ShouldBeEmpty();
        var options = AnalysisOptions.Default with { KubeVersion = read.Snapshot.ServerVersion ?? AnalysisOptions.Default.KubeVersion };
        return Auditor.Audit(read.Snapshot, name, options, listeners);
    }
}
