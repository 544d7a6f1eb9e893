namespace Hostnet.Webhook.Admission;

/// <summary>
/// <c>admission.k8s.io/v1 AdmissionReview</c> as the API server sends it: the fields admission reads (settable: see
/// <see cref="AdmissionRequest"/>). The answer is written by <see cref="AdmissionAnswer"/>.
/// </summary>
public sealed record AdmissionReview
{
    public const string V1 = "admission.k8s.io/v1";

    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public AdmissionRequest? Request { get; set; }
}
