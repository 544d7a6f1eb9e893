using Hostnet.Core.Loading;
using Hostnet.Core.Model;

namespace Hostnet.Core.Scheduling.Rollouts;

/// <summary>
/// The update settings only a rollout needs, read from the manifest with API defaults (pkg/apis/apps/v1/defaults.go):
/// the Deployment's progress deadline, the StatefulSet's update strategy and partition. (Deployment and DaemonSet
/// strategies are on <see cref="Workload.Strategy"/>.)
/// </summary>
/// <param name="ProgressDeadlineSeconds">Deployment <c>progressDeadlineSeconds</c>, default 600.</param>
/// <param name="StatefulSetStrategy">StatefulSet <c>updateStrategy.type</c>, default RollingUpdate.</param>
/// <param name="Partition">StatefulSet <c>updateStrategy.rollingUpdate.partition</c>, default 0.</param>
public sealed record RolloutSettings(int ProgressDeadlineSeconds, string StatefulSetStrategy, int Partition)
{
    public const int DefaultProgressDeadlineSeconds = 600;

    public static RolloutSettings For(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var spec = Fields.Map(workload.Source.Root, "spec");
        var strategy = Fields.Map(spec, "updateStrategy");
        return new RolloutSettings(
            Fields.Int(spec, "progressDeadlineSeconds") ?? DefaultProgressDeadlineSeconds,
            Fields.String(strategy, "type") ?? "RollingUpdate",
            Math.Max(0, Fields.Int(Fields.Map(strategy, "rollingUpdate"), "partition") ?? 0));
    }
}
