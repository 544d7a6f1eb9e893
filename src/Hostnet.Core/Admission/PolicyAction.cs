namespace Hostnet.Core.Admission;

/// <summary>What admission does with a finding of one rule (<c>actions:</c> in the policy file).</summary>
public enum PolicyAction
{
    /// <summary>Not reported at all.</summary>
    Off,

    /// <summary>Recorded as an audit annotation on the request (the API server's audit log); the user sees nothing.</summary>
    Audit,

    /// <summary>Returned as a warning, which <c>kubectl</c> prints; the object is admitted.</summary>
    Warn,

    /// <summary>The request is rejected with HTTP 403 (in <see cref="PolicyMode.Enforce"/>).</summary>
    Deny,
}
