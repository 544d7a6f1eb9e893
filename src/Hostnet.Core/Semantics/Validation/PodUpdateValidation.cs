using Hostnet.Core.Model;

namespace Hostnet.Core.Semantics.Validation;

/// <summary>
/// The API server's verdict on an update of an existing Pod's spec, for the fields HN009 compares. Mirrors
/// pkg/apis/core/validation/validation.go: ValidateContainerUpdates (a different number of containers stops
/// validation with <c>spec.containers: Forbidden: pod updates may not add or remove containers</c>) and
/// ValidatePodUpdate (any other change besides the updatable fields is
/// <c>spec: Forbidden: pod updates may not change fields other than …</c>, followed by a newline and
/// <c>cmp.Diff(oldPod.Spec, mungedPodSpec)</c>).
/// </summary>
internal static class PodUpdateValidation
{
    /// <summary>
    /// The release whose message joins <c>updatablePodSpecFields</c> with "," (the list was restructured for
    /// in-place pod resize, KEP-1287); before it, the fields were written out with ", " and a final " or ".
    /// </summary>
    public static KubeVersion JoinedListSince { get; } = new(1, 27);

    /// <summary>The release that added <c>spec.terminationGracePeriodSeconds</c> (negative to 1) to the updatable fields.</summary>
    public static KubeVersion GracePeriodSince { get; } = new(1, 22);

    private static readonly string[] UpdatablePodSpecFields =
    [
        "`spec.containers[*].image`",
        "`spec.initContainers[*].image`",
        "`spec.activeDeadlineSeconds`",
        "`spec.tolerations` (only additions to existing tolerations)",
        "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
    ];

    /// <summary>
    /// The field error for an update whose spec differs in a field that may not change. The API appends go-cmp's diff
    /// of the two specs after a newline; go-cmp randomises that output's spacing on purpose, so it is left out here.
    /// </summary>
    public static FieldError Forbidden(PodSpec oldSpec, PodSpec newSpec, KubeVersion version)
    {
        ArgumentNullException.ThrowIfNull(oldSpec);
        ArgumentNullException.ThrowIfNull(newSpec);
        return oldSpec.Containers.Count != newSpec.Containers.Count
            ? FieldError.Forbidden("spec.containers", "pod updates may not add or remove containers")
            : FieldError.Forbidden("spec", "pod updates may not change fields other than " + UpdatableFields(version));
    }

    /// <summary>The updatable fields as the message of that release lists them.</summary>
    public static string UpdatableFields(KubeVersion version)
    {
        if (version >= JoinedListSince)
        {
            return string.Join(",", UpdatablePodSpecFields);
        }

        string[] fields = version >= GracePeriodSince ? UpdatablePodSpecFields : UpdatablePodSpecFields[..4];
        return string.Join(", ", fields[..^1]) + " or " + fields[^1];
    }
}
