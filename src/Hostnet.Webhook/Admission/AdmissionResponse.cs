namespace Hostnet.Webhook.Admission;

/// <summary>The <c>response</c> of an AdmissionReview.</summary>
public sealed record AdmissionResponse
{
    /// <summary>The only patch type admission.k8s.io/v1 knows.</summary>
    public const string JsonPatchType = "JSONPatch";

    /// <summary>The request's <c>uid</c>, echoed: the API server matches the answer by it.</summary>
    public required string Uid { get; init; }

    public required bool Allowed { get; init; }

    public AdmissionStatus? Status { get; init; }

    /// <summary>The RFC 6902 JSON Patch; serialised as base64, as the API expects.</summary>
    public byte[]? Patch { get; init; }

    public string? PatchType { get; init; }

    public IReadOnlyDictionary<string, string>? AuditAnnotations { get; init; }

    public IReadOnlyList<string>? Warnings { get; init; }
}
