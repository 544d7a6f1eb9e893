namespace Hostnet.Webhook.Admission;

/// <summary><c>metav1.GroupVersionKind</c> (settable: see <see cref="AdmissionRequest"/>).</summary>
public sealed record GroupVersionKind
{
    public string? Group { get; set; }

    public string? Version { get; set; }

    public string? Kind { get; set; }
}
