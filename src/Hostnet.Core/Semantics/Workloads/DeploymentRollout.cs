using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Workloads;

/// <summary>
/// How a Deployment's rolling update overlaps old and new pods (SEMANTICS.md §9.2). Mirrors
/// pkg/apis/apps/v1/defaults.go (SetDefaults_Deployment: RollingUpdate, maxSurge 25%) and
/// pkg/controller/deployment/util/deployment_util.go (ResolveFenceposts: maxSurge rounds up).
/// </summary>
public static class DeploymentRollout
{
    private static readonly IntOrString DefaultMaxSurge = IntOrString.FromString("25%");

    /// <summary>How many pods a rollout may run beyond the desired replicas; 0 for Recreate and for other kinds.</summary>
    public static int MaxSurge(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        if (workload.Kind != "Deployment" || workload.Strategy?.Type == "Recreate")
        {
            return 0;
        }

        return (workload.Strategy?.MaxSurge ?? DefaultMaxSurge).Scale(workload.EffectiveReplicas, roundUp: true) ?? 0;
    }
}
