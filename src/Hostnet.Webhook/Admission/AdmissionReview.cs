namespace Hostnet.Webhook.Admission;

/// <summary><c>admission.k8s.io/v1 AdmissionReview</c>: the request the API server sends and the response it reads.</summary>
public sealed record AdmissionReview
{
    public const string V1 = "admission.k8s.io/v1";

    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    public AdmissionRequest? Request { get; init; }

    public AdmissionResponse? Response { get; init; }

    /// <summary>The review that answers a request.</summary>
    public static AdmissionReview Answer(AdmissionResponse response) => new() { ApiVersion = V1, Kind = "AdmissionReview", Response = response };
}
