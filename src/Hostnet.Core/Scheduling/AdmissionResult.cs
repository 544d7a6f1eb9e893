namespace Hostnet.Core.Scheduling;

/// <summary>The kubelet's verdict on a pod bound to its node: admitted, or rejected with a reason and message.</summary>
/// <param name="Reason">The pod's <c>status.reason</c> (<c>NodePorts</c>, <c>OutOfcpu</c>, …); null when admitted.</param>
/// <param name="Message">The pod's <c>status.message</c> (<c>Pod was rejected: …</c>); null when admitted.</param>
internal sealed record AdmissionResult(string? Reason, string? Message)
{
    public static AdmissionResult Admitted { get; } = new(null, null);

    public bool IsAdmitted => Reason is null;
}
