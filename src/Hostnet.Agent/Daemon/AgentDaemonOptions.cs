namespace Hostnet.Agent.Daemon;

/// <summary>How the DaemonSet agent runs.</summary>
/// <param name="Node">The node's name in the API (<c>spec.nodeName</c> of its pods).</param>
/// <param name="Interval">How often the node is scanned when no pod changes (<c>--interval</c>).</param>
/// <param name="Grace">HN061's grace period (<c>--grace</c>).</param>
/// <param name="TimeProvider">The clock of the findings and Events.</param>
public sealed record AgentDaemonOptions(string Node, TimeSpan Interval, TimeSpan Grace, TimeProvider TimeProvider);
