namespace Hostnet.Webhook.Admission;

/// <summary>The two admission endpoints.</summary>
public enum AdmissionEndpoint
{
    /// <summary><c>POST /validate</c>: deny, warn, audit.</summary>
    Validate,

    /// <summary><c>POST /mutate</c>: the JSON Patch of the fixes the policy turns on.</summary>
    Mutate,
}
