using Hostnet.Core.Model;

namespace Hostnet.Core.Scheduling.Framework;

/// <summary>
/// The resources NodeResourcesFit compares: CPU in millicores, memory and ephemeral storage in bytes. Mirrors the
/// scheduler framework's <c>Resource</c> (MilliCPU, Memory, EphemeralStorage); extended resources are not modelled.
/// </summary>
public readonly record struct ResourceAmounts(long MilliCpu, long Memory, long EphemeralStorage)
{
    /// <summary>What a node offers when its allocatable is unknown (a Node written without status): no limit.</summary>
    public static ResourceAmounts Unlimited { get; } = new(long.MaxValue, long.MaxValue, long.MaxValue);

    public bool IsZero => MilliCpu == 0 && Memory == 0 && EphemeralStorage == 0;

    public static ResourceAmounts operator +(ResourceAmounts left, ResourceAmounts right) =>
        new(left.MilliCpu + right.MilliCpu, left.Memory + right.Memory, left.EphemeralStorage + right.EphemeralStorage);

    public static ResourceAmounts operator -(ResourceAmounts left, ResourceAmounts right) =>
        new(left.MilliCpu - right.MilliCpu, left.Memory - right.Memory, left.EphemeralStorage - right.EphemeralStorage);

    public static ResourceAmounts Max(ResourceAmounts left, ResourceAmounts right) =>
        new(Math.Max(left.MilliCpu, right.MilliCpu), Math.Max(left.Memory, right.Memory), Math.Max(left.EphemeralStorage, right.EphemeralStorage));

    /// <summary>
    /// The requests as scoring counts them: 100m CPU and 200Mi memory for a pod that requests none
    /// (pkg/scheduler/util, DefaultMilliCPURequest and DefaultMemoryRequest).
    /// </summary>
    public static ResourceAmounts NonZero(ResourceAmounts requests) => new(
        requests.MilliCpu == 0 ? 100 : requests.MilliCpu,
        requests.Memory == 0 ? 200L * 1024 * 1024 : requests.Memory,
        requests.EphemeralStorage);

    /// <summary>
    /// A node's allocatable; a resource the node does not list is unlimited, so Node objects written without status
    /// never fail on resources.
    /// </summary>
    public static ResourceAmounts Allocatable(IReadOnlyDictionary<string, string> allocatable)
    {
        ArgumentNullException.ThrowIfNull(allocatable);
        return new ResourceAmounts(
            allocatable.TryGetValue("cpu", out var cpu) ? Quantity.MilliValue(cpu) : long.MaxValue,
            allocatable.TryGetValue("memory", out var memory) ? Quantity.Value(memory) : long.MaxValue,
            allocatable.TryGetValue("ephemeral-storage", out var storage) ? Quantity.Value(storage) : long.MaxValue);
    }

    /// <summary>
    /// The pod's effective request: the sum over regular containers and sidecars, or the largest regular init
    /// container (plus the sidecars started before it) when that is more. Mirrors
    /// k8s.io/component-helpers/resource (PodRequests); a container's limit stands in for an absent request, as Pod
    /// defaulting copies it.
    /// </summary>
    public static ResourceAmounts Requests(PodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var sum = default(ResourceAmounts);
        foreach (var container in spec.Containers)
        {
            sum += Of(container);
        }

        var sidecars = default(ResourceAmounts);
        var init = default(ResourceAmounts);
        foreach (var container in spec.InitContainers)
        {
            if (container.IsSidecar)
            {
                sidecars += Of(container);
                sum += Of(container);
            }
            else
            {
                init = Max(init, Of(container) + sidecars);
            }
        }

        return Max(sum, init);
    }

    private static ResourceAmounts Of(Container container) => new(
        Quantity.MilliValue(Request(container, "cpu")),
        Quantity.Value(Request(container, "memory")),
        Quantity.Value(Request(container, "ephemeral-storage")));

    private static string? Request(Container container, string resource) =>
        container.Requests.TryGetValue(resource, out var request) ? request
        : container.Limits.TryGetValue(resource, out var limit) ? limit
        : null;
}
