using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Controllers;

/// <summary>
/// The update settings a rollout needs beside its <see cref="RolloutBudget"/>, after API defaulting
/// (pkg/apis/apps/v1/defaults.go, SetDefaults_Deployment and SetDefaults_StatefulSet, v1.35): the Deployment's progress
/// deadline, the StatefulSet's update strategy and partition.
/// </summary>
/// <param name="ProgressDeadlineSeconds">Deployment <c>progressDeadlineSeconds</c>, default 600.</param>
/// <param name="StatefulSetStrategy">StatefulSet <c>updateStrategy.type</c>, default RollingUpdate.</param>
/// <param name="Partition">StatefulSet <c>updateStrategy.rollingUpdate.partition</c>, default 0.</param>
internal sealed record RolloutSettings(int ProgressDeadlineSeconds, string StatefulSetStrategy, int Partition)
{
    public const int DefaultProgressDeadlineSeconds = 600;

    public static RolloutSettings For(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var statefulSet = workload.Kind == "StatefulSet" ? workload.Strategy : null;
        return new RolloutSettings(
            workload.ProgressDeadlineSeconds ?? DefaultProgressDeadlineSeconds,
            statefulSet?.Type ?? "RollingUpdate",
            Math.Max(0, statefulSet?.Partition ?? 0));
    }
}
