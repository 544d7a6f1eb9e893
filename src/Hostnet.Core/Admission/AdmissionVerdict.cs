namespace Hostnet.Core.Admission;

/// <summary>The outcome of one admission request, as metrics and logs name it.</summary>
public enum AdmissionVerdict
{
    /// <summary>Not a kind or operation hostnet checks: admitted untouched.</summary>
    Ignored,

    /// <summary>Admitted with nothing to say (audit annotations aside).</summary>
    Allowed,

    /// <summary>Admitted with a JSON Patch that applies the fixes the policy turns on (<c>/mutate</c>).</summary>
    Mutated,

    /// <summary>Admitted with warnings.</summary>
    Warned,

    /// <summary>Admitted because the mode is warn or dryrun, though the policy would deny it.</summary>
    WouldDeny,

    /// <summary>Rejected.</summary>
    Denied,
}
