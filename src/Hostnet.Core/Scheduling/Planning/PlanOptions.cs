using Hostnet.Core.Model;
using Hostnet.Core.Runs;
using Hostnet.Core.Semantics;

namespace Hostnet.Core.Scheduling.Planning;

/// <summary>What shapes a plan besides its input.</summary>
/// <param name="KubeVersion">The release whose scheduler messages to print.</param>
/// <param name="DefaultNamespace">The namespace of objects that name none.</param>
/// <param name="ExtraReservedPorts">Ports the nodes hold beyond the catalogue (<c>reservedPorts</c> in <c>.hostnet.yaml</c>).</param>
internal sealed record PlanOptions(KubeVersion KubeVersion, string DefaultNamespace, IReadOnlyList<NodeReservedPort> ExtraReservedPorts)
{
    public static PlanOptions Default { get; } = new(KubeVersion.Latest, KubeObject.KubernetesDefaultNamespace, []);

    /// <summary>The workloads of the input that the cluster refuses (<see cref="Runs.Refusals"/>); none by default.</summary>
    public IReadOnlyDictionary<Workload, RefusedObject> Refusals { get; init; } = new Dictionary<Workload, RefusedObject>();
}
