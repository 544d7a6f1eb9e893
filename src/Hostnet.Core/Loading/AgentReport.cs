using Hostnet.Core.Documents;

namespace Hostnet.Core.Loading;

/// <summary>
/// One node's report of <c>hostnet agent --once --format json</c> (docs/agent.md), as <c>hostnet audit --listeners</c>
/// reads it back (<see cref="AgentReportReader"/>).
/// </summary>
/// <param name="File">The file it was read from, as given.</param>
/// <param name="Node">The node the agent scanned.</param>
public sealed record AgentReport(string File, string Node, IReadOnlyList<AgentReportListener> Listeners, IReadOnlyList<AgentReportFinding> Findings);

/// <summary>A socket of the node waiting for traffic, as the agent's JSON gives it.</summary>
/// <param name="Pod">The owning pod; null for a node daemon or a socket of no process the agent could read.</param>
/// <param name="Declared">Whether a container of the owning pod declares the port as the scheduler counts host ports.</param>
public sealed record AgentReportListener(string Protocol, string Address, int Port, int? Pid, string? Process, AgentReportPod? Pod, bool Declared);

/// <summary>The pod of a listener: namespace and name are null for a pod UID the node's API view did not know.</summary>
public sealed record AgentReportPod(string? Namespace, string? Name, string? Uid, string? Container);

/// <summary>An unsilenced finding of a node rule (HN060–HN063), as the agent's JSON gives it.</summary>
/// <param name="Severity"><c>error</c>, <c>warning</c> or <c>info</c>.</param>
/// <param name="Position">Where the finding starts in <see cref="AgentReport.File"/>.</param>
public sealed record AgentReportFinding(
    string Rule,
    string Severity,
    string Message,
    string? Namespace,
    string? Pod,
    string? Container,
    int Port,
    string Protocol,
    SourcePosition Position);
