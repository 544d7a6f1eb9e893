namespace Hostnet.Webhook.Admission;

/// <summary>The <c>metav1.Status</c> of a denial: <c>kubectl</c> prints its message.</summary>
public sealed record AdmissionStatus(int Code, string Message);
