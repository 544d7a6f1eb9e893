using Hostnet.Core.Diagnostics;
using Hostnet.Core.Ports;

namespace Hostnet.Core.Audit;

/// <summary>What <c>hostnet audit</c> found in a cluster (docs/audit.md).</summary>
/// <param name="Source">The snapshot's name (a file, or <c>live</c>), and its server version when recorded.</param>
/// <param name="Inventory">Host-network and host-port workloads, by namespace and owner.</param>
/// <param name="Findings">The rules' findings on the live objects and what the cluster's state shows, sorted.</param>
/// <param name="Ports">The host-port map of the cluster, as <c>hostnet ports</c> builds it.</param>
/// <param name="PictureOnDemand"><see cref="Picture"/>, drawn when first asked for: only the HTML report shows it, and the other formats do not pay for a cell per node and port.</param>
public sealed record AuditReport(
    string Source,
    string? ServerVersion,
    AuditTotals Totals,
    IReadOnlyList<InventoryEntry> Inventory,
    IReadOnlyList<AuditFinding> Findings,
    PortMap Ports,
    Lazy<PortPicture> PictureOnDemand)
{
    /// <summary>The per-node map of the pods' host ports, bounded, for the HTML report.</summary>
    public PortPicture Picture => PictureOnDemand.Value;

    /// <summary>The node agents' reports the audit read (<c>--listeners</c>); empty without them.</summary>
    public IReadOnlyList<Loading.AgentReport> Listeners { get; init; } = [];

    public int Count(Severity severity) => Findings.Count(f => !f.Diagnostic.IsSuppressed && f.Diagnostic.Severity == severity);

    /// <summary>Whether an unsuppressed finding is at or above <paramref name="threshold"/>.</summary>
    public bool Fails(Severity threshold) => Findings.Any(f => !f.Diagnostic.IsSuppressed && f.Diagnostic.Severity >= threshold);
}
