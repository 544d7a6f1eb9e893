using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Workloads;

/// <summary>
/// How a Deployment's rolling update overlaps old and new pods (SEMANTICS.md §9.2). Mirrors
/// pkg/apis/apps/v1/defaults.go (SetDefaults_Deployment: RollingUpdate, maxSurge and maxUnavailable 25%) and
/// pkg/controller/deployment/util/deployment_util.go (ResolveFenceposts: maxSurge rounds up, maxUnavailable down).
/// </summary>
public static class DeploymentRollout
{
    private static readonly IntOrString DefaultQuarter = IntOrString.FromString("25%");

    /// <summary>How many pods a rollout may run beyond the desired replicas; 0 for Recreate and for other kinds.</summary>
    public static int MaxSurge(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        if (workload.Kind != "Deployment" || workload.Strategy?.Type == "Recreate")
        {
            return 0;
        }

        return (workload.Strategy?.MaxSurge ?? DefaultQuarter).Scale(workload.EffectiveReplicas, roundUp: true) ?? 0;
    }

    /// <summary>
    /// How many new pods a rollout starts while every old pod keeps running: the surge, when maxUnavailable rounds to
    /// 0 so that no old pod stops before a new one is ready; otherwise 0.
    /// </summary>
    public static int SurgeBesideEveryOldPod(Workload workload)
    {
        var surge = MaxSurge(workload);
        return surge > 0 && (workload.Strategy?.MaxUnavailable ?? DefaultQuarter).Scale(workload.EffectiveReplicas, roundUp: false) == 0
            ? surge
            : 0;
    }
}
