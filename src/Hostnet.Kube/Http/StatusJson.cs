using System.Text.Json.Serialization;

namespace Hostnet.Kube.Http;

/// <summary>The API server's <c>Status</c> object, sent with every error (metav1.Status).</summary>
internal sealed record StatusJson(
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("code")] int? Code,
    [property: JsonPropertyName("metadata")] StatusMetadataJson? Metadata);

/// <summary><c>Status.metadata</c>: on a 410 for an expired continue token it may carry the "inconsistent continue" token.</summary>
internal sealed record StatusMetadataJson([property: JsonPropertyName("continue")] string? Continue);
