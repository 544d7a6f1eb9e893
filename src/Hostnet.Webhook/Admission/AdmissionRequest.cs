namespace Hostnet.Webhook.Admission;

/// <summary>The <c>request</c> of an AdmissionReview: the fields admission reads; the objects are marked where they lie in the body (<see cref="RawJson"/>).</summary>
public sealed record AdmissionRequest
{
    public string? Uid { get; init; }

    public GroupVersionKind? Kind { get; init; }

    public string? SubResource { get; init; }

    public string? Name { get; init; }

    public string? Namespace { get; init; }

    public string? Operation { get; init; }

    public RawJson? Object { get; init; }

    public RawJson? OldObject { get; init; }

    public bool? DryRun { get; init; }
}
