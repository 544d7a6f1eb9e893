namespace Hostnet.Bench.Workload;

/// <summary>
/// One generated application: a workload and the objects around it (Service, NetworkPolicy, ConfigMap) share
/// these names, labels and ports, so the cross-object rules have real matches (and some deliberate misses).
/// </summary>
internal sealed record AppPlan(
    string Namespace,
    string Name,
    string Team,
    bool IsDaemonSet,
    bool HostNetwork,
    int Replicas,
    IReadOnlyList<PortPlan> Ports,
    string? Pool)
{
    public string Instance => Name + "-prod";
}
