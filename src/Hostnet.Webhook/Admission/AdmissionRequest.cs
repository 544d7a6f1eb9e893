namespace Hostnet.Webhook.Admission;

/// <summary>
/// The <c>request</c> of an AdmissionReview: the fields admission reads; the objects are marked where they lie in the body
/// (<see cref="RawJson"/>). Settable, as the other request types: the source-generated reader then fills them as it reads,
/// where init-only properties made it collect them as constructor arguments first (issue 16).
/// </summary>
public sealed record AdmissionRequest
{
    public string? Uid { get; set; }

    public GroupVersionKind? Kind { get; set; }

    public string? SubResource { get; set; }

    public string? Name { get; set; }

    public string? Namespace { get; set; }

    public string? Operation { get; set; }

    public RawJson? Object { get; set; }

    public RawJson? OldObject { get; set; }

    public bool? DryRun { get; set; }
}
