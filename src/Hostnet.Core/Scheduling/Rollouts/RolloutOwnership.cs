using System.Globalization;
using Hostnet.Core.Model;
using Hostnet.Core.Semantics.Controllers;

namespace Hostnet.Core.Scheduling.Rollouts;

/// <summary>Where a StatefulSet's pod stands in its rollout (which pods are the workload's: <see cref="PodOwnership"/>).</summary>
internal static class RolloutOwnership
{
    /// <summary>The ordinal of a StatefulSet pod (<c>&lt;name&gt;-&lt;ordinal&gt;</c>), or -1.</summary>
    public static int Ordinal(Workload statefulSet, ClusterPod pod)
    {
        ArgumentNullException.ThrowIfNull(statefulSet);
        ArgumentNullException.ThrowIfNull(pod);
        var prefix = statefulSet.Name + "-";
        return pod.Pod.Name.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(pod.Pod.Name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal)
            ? ordinal
            : -1;
    }
}
