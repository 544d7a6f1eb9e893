namespace Hostnet.Webhook.Admission;

/// <summary><c>metav1.GroupVersionKind</c>.</summary>
public sealed record GroupVersionKind(string? Group, string? Version, string? Kind);
