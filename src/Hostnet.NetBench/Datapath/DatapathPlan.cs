using Hostnet.NetBench.Host;

namespace Hostnet.NetBench.Datapath;

/// <summary>
/// One mode's datapath: the namespaces it makes, the commands that build it, where the client and the server run and
/// the address the client dials. Deleting the namespaces removes every link, route and rule the commands made.
/// </summary>
/// <param name="Mtu">The MTU of the path the traffic takes (1500, or the VXLAN device's 1450).</param>
/// <param name="ServerInPodCgroup">Whether the server runs under a pod's cgroup (the host-network pod).</param>
internal sealed record DatapathPlan(
    BenchMode Mode,
    IReadOnlyList<string> Namespaces,
    IReadOnlyList<HostCommand> Commands,
    string ClientNamespace,
    string ServerNamespace,
    string TargetAddress,
    int Mtu,
    bool ServerInPodCgroup);
