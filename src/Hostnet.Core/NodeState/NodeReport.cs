using Hostnet.Core.Diagnostics;

namespace Hostnet.Core.NodeState;

/// <summary>What the agent reports for one node: every listener with its owner, and the findings of section F.</summary>
public sealed record NodeReport(string Node, IReadOnlyList<NodeListener> Listeners, IReadOnlyList<NodeFinding> Findings)
{
    /// <summary>Whether an unsilenced finding is at or above <paramref name="threshold"/> (the exit code of <c>check</c>).</summary>
    public bool Fails(Severity threshold) => Findings.Any(f => !f.IsSuppressed && f.Severity >= threshold);
}
