namespace Hostnet.Core.Audit;

/// <summary>One workload (or bare pod) that uses the host network or host ports, as the inventory lists it.</summary>
/// <param name="Owner">The top-level owner.</param>
/// <param name="Ports">Its host ports: declared (<c>80/TCP</c>) and, on host network, inferred listeners (<c>9100/TCP inferred</c>).</param>
/// <param name="DnsPolicy">The policy after API defaulting, and the resolver the kubelet gives (<c>ClusterFirst (node resolver)</c>).</param>
/// <param name="Privileges">What lets it act on the node: <c>privileged</c>, <c>NET_ADMIN</c>, <c>NET_RAW</c>, <c>hostPID</c>, <c>hostIPC</c>.</param>
/// <param name="PodSecurity">The namespace's Pod Security levels (<see cref="NamespaceSecurity"/>).</param>
/// <param name="Pods">Its pods in the snapshot, by state.</param>
/// <param name="Nodes">How many nodes its running pods are on.</param>
public sealed record InventoryEntry(
    OwnerKey Owner,
    bool HostNetwork,
    IReadOnlyList<string> Ports,
    string DnsPolicy,
    IReadOnlyList<string> Privileges,
    NamespaceSecurity PodSecurity,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> NetworkPolicies,
    PodCounts Pods,
    int Nodes)
{
    /// <summary>
    /// The ports its pods really listen on by the node agents' reports (<c>--listeners</c>): <c>9100/TCP</c>, or
    /// <c>8125/UDP undeclared</c> when no container of the pod declares it; null when the audit read no reports.
    /// </summary>
    public IReadOnlyList<string>? Listening { get; init; }
}
