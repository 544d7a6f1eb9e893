using Hostnet.Core.Analysis;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>RULES.md section B: what will not run as written.</summary>
internal static class RunTimeRules
{
    public static IReadOnlyList<IRule> All { get; } =
    [
        new UndeclaredHostListener(),
        new ListenPortMismatch(),
        new HostPortConflict(),
        new ReplicasExceedNodes(),
        new ColocatedReplicasWithoutPorts(),
        new DeploymentSurgeHostPorts(),
        new DaemonSetSurgeHostPorts(),
        new NodeReservedHostPort(),
        new PrivilegedPortNonRoot(),
        new DaemonSetMissesNodes(),
    ];
}
