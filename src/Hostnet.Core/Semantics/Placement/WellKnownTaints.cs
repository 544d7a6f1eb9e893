using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Placement;

/// <summary>
/// Taints that Kubernetes itself puts on nodes (k8s.io/api/core/v1 well_known_taints.go) and the one kubeadm puts on
/// control-plane nodes (cmd/kubeadm/app/constants, ControlPlaneTaint).
/// </summary>
internal static class WellKnownTaints
{
    public const string NoSchedule = "NoSchedule";

    public const string NoExecute = "NoExecute";

    /// <summary>kubeadm's taint on control-plane nodes (the older <c>node-role.kubernetes.io/master</c> went in 1.25).</summary>
    public static Taint ControlPlane { get; } = new("node-role.kubernetes.io/control-plane", string.Empty, NoSchedule);

    /// <summary>What a cordoned node carries; NodeUnschedulable honours a toleration of it.</summary>
    public static Taint Unschedulable { get; } = new("node.kubernetes.io/unschedulable", string.Empty, NoSchedule);

    /// <summary>The effects that keep pods off a node (PreferNoSchedule only lowers its score).</summary>
    public static bool KeepsPodsOff(Taint taint)
    {
        ArgumentNullException.ThrowIfNull(taint);
        return taint.Effect is NoSchedule or NoExecute;
    }
}
