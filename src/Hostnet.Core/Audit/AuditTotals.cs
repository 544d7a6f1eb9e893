namespace Hostnet.Core.Audit;

/// <summary>The size of the audited cluster and how much of it uses the host network.</summary>
/// <param name="HostNetworkPods">Pods (any phase) with <c>hostNetwork: true</c> or a host port.</param>
public sealed record AuditTotals(int Nodes, int Pods, int Namespaces, int Workloads, int HostNetworkPods);
