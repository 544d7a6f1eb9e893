using Hostnet.Core.Diagnostics;
using Hostnet.Core.Loading;

namespace Hostnet.Core.Analysis;

/// <summary>The outcome of checking some input: sorted findings and what was read.</summary>
public sealed record CheckReport(
    IReadOnlyList<Diagnostic> Diagnostics,
    int Files,
    int Objects,
    IReadOnlyList<SkippedDocument> Skipped)
{
    /// <summary>Whether some input could not be read (HN000): the run exits 2.</summary>
    public bool HasInputErrors => Diagnostics.Any(d => d.Rule.Id == Analysis.InvalidInput.Descriptor.Id);

    public int Count(Severity severity) => Diagnostics.Count(d => !d.IsSuppressed && d.Severity == severity);

    /// <summary>Whether an unsuppressed finding is at or above <paramref name="threshold"/>.</summary>
    public bool Fails(Severity threshold) => Diagnostics.Any(d => !d.IsSuppressed && d.Severity >= threshold);
}
