using Hostnet.Core.Diagnostics;

namespace Hostnet.Core.Audit;

/// <summary>A finding of the audit.</summary>
/// <param name="Observed">
/// Whether it comes from the cluster's state (a Pending pod, a clash now, a stuck rollout) rather than from the objects'
/// specs, which every rule of the catalogue reads as <c>hostnet check</c> would.
/// </param>
public sealed record AuditFinding(Diagnostic Diagnostic, bool Observed);
