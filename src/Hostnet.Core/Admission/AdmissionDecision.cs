namespace Hostnet.Core.Admission;

/// <summary>What the webhook answers about one object.</summary>
/// <param name="Allowed">Whether the request is admitted.</param>
/// <param name="Verdict">The outcome, for metrics and logs.</param>
/// <param name="Findings">Every finding that is not off, with its action (including those of a dry-run mode).</param>
/// <param name="DenialMessage">The <c>status.message</c> of a denial; null when admitted.</param>
/// <param name="Warnings">What <c>kubectl</c> prints as <c>Warning:</c> lines.</param>
/// <param name="AuditAnnotations">Audit annotations by key (the API server prefixes the webhook's name).</param>
public sealed record AdmissionDecision(
    bool Allowed,
    AdmissionVerdict Verdict,
    IReadOnlyList<AdmissionFinding> Findings,
    string? DenialMessage,
    IReadOnlyList<string> Warnings,
    IReadOnlyDictionary<string, string> AuditAnnotations)
{
    private static readonly Dictionary<string, string> NoAnnotations = [];

    /// <summary>The answer for a kind or operation hostnet does not check.</summary>
    public static AdmissionDecision Ignored { get; } = new(true, AdmissionVerdict.Ignored, [], null, [], NoAnnotations);

    /// <summary>The answer of <c>/mutate</c> with nothing to change.</summary>
    public static AdmissionDecision Unchanged { get; } = new(true, AdmissionVerdict.Allowed, [], null, [], NoAnnotations);

    /// <summary>The RFC 6902 JSON Patch (JSON text) of <c>/mutate</c>; null when nothing changes.</summary>
    public string? Patch { get; init; }

    /// <summary>What the patch changes, as <c>op path</c> (<c>add /spec/dnsPolicy</c>), for the log line of <c>/mutate</c>.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];
}
