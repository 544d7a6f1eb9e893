using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Controllers;

/// <summary>
/// A rolling update's budget after API defaulting and resolution against the pod count (SEMANTICS.md §9).
/// </summary>
/// <param name="MaxSurge">maxSurge as written, or its default.</param>
/// <param name="MaxSurgeDefaulted">Whether maxSurge was left to its default.</param>
/// <param name="MaxUnavailable">maxUnavailable as written, or its default.</param>
/// <param name="MaxUnavailableDefaulted">Whether maxUnavailable was left to its default.</param>
/// <param name="Surge">How many extra pods may exist during the update (percentages round up).</param>
/// <param name="Unavailable">How many pods may be unavailable during the update (percentages round down).</param>
internal sealed record RolloutBudget(
    IntOrString MaxSurge,
    bool MaxSurgeDefaulted,
    IntOrString MaxUnavailable,
    bool MaxUnavailableDefaulted,
    int Surge,
    int Unavailable)
{
    private static readonly IntOrString TwentyFivePercent = IntOrString.FromString("25%");

    private static readonly IntOrString One = IntOrString.FromInt(1);

    /// <summary>
    /// A Deployment's budget for its replicas, or null when it does not roll (<c>Recreate</c>) or a value is malformed.
    /// Defaults per apiVersion: 25 % and 25 % for apps/v1, apps/v1beta2 and apps/v1beta1 (pkg/apis/apps/v1/defaults.go,
    /// v1beta2/defaults.go, v1beta1/defaults.go, SetDefaults_Deployment), but maxSurge 1 and maxUnavailable 1 for
    /// extensions/v1beta1 (pkg/apis/extensions/v1beta1/defaults.go: "Set default MaxUnavailable as 1 by default.").
    /// <paramref name="apiVersion"/> replaces the Deployment's own (what it would get written as apps/v1). Resolution
    /// mirrors pkg/controller/deployment/util/deployment_util.go, ResolveFenceposts: surge rounds up, unavailable down,
    /// and when both come to 0 one pod may be unavailable.
    /// </summary>
    public static RolloutBudget? ForDeployment(Workload deployment, string? apiVersion = null)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var strategy = deployment.Strategy;
        if ((strategy?.Type ?? "RollingUpdate") != "RollingUpdate")
        {
            return null;
        }

        var defaults = (apiVersion ?? deployment.Source.ApiVersion) == "extensions/v1beta1" ? One : TwentyFivePercent;
        return Resolve(strategy, defaults, defaults, deployment.EffectiveReplicas);
    }

    /// <summary>
    /// A DaemonSet's budget over the nodes it runs on, or null for <c>OnDelete</c> or a malformed value. Defaults
    /// maxSurge 0 and maxUnavailable 1 (SetDefaults_DaemonSet); resolution mirrors
    /// pkg/controller/daemon/util/daemonset_util.go (SurgeCount rounds up; unavailable rounds down, at least 1 without surge).
    /// </summary>
    public static RolloutBudget? ForDaemonSet(Workload daemonSet, int nodes)
    {
        ArgumentNullException.ThrowIfNull(daemonSet);
        var strategy = daemonSet.Strategy;
        if ((strategy?.Type ?? "RollingUpdate") != "RollingUpdate")
        {
            return null;
        }

        return Resolve(strategy, IntOrString.FromInt(0), IntOrString.FromInt(1), nodes);
    }

    /// <summary>Surge rounds up, unavailable rounds down, and at least one pod may be unavailable when nothing may surge.</summary>
    private static RolloutBudget? Resolve(RollingUpdate? strategy, IntOrString surgeDefault, IntOrString unavailableDefault, int total)
    {
        var maxSurge = strategy?.MaxSurge ?? surgeDefault;
        var maxUnavailable = strategy?.MaxUnavailable ?? unavailableDefault;
        if (maxSurge.Scale(total, roundUp: true) is not { } surge || maxUnavailable.Scale(total, roundUp: false) is not { } unavailable)
        {
            return null;
        }

        return new RolloutBudget(
            maxSurge,
            strategy?.MaxSurge is null,
            maxUnavailable,
            strategy?.MaxUnavailable is null,
            surge,
            surge == 0 && unavailable == 0 ? 1 : unavailable);
    }

    /// <summary>
    /// Whether maxUnavailable is non-zero as written or defaulted (getIntOrPercentValue): the API rejects a DaemonSet
    /// whose maxSurge and maxUnavailable are both non-zero (ValidateRollingUpdateDaemonSet).
    /// </summary>
    public bool UnavailableIsNonZero => MaxUnavailable.Scale(100, roundUp: false) is not 0;
}
