using Hostnet.Core.Analysis;

namespace Hostnet.Core.Rules.RunTime;

/// <summary>RULES.md section B: what will not run as written.</summary>
internal static class RunTimeRules
{
    public static IReadOnlyList<IRule> All { get; } =
    [
        new HostPortConflict(),
        new ReplicasExceedNodes(),
        new DeploymentSurgeHostPorts(),
        new DaemonSetSurgeHostPorts(),
        new NodeReservedHostPort(),
        new DaemonSetMissesNodes(),
    ];
}
