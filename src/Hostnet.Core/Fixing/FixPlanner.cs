using Hostnet.Core.Analysis;
using Hostnet.Core.Diagnostics;
using Hostnet.Core.Documents;
using Hostnet.Core.Editing;
using Hostnet.Core.Loading;
using Hostnet.Core.Model;

namespace Hostnet.Core.Fixing;

/// <summary>
/// Turns the findings on one document into field edits by asking each rule's fixer (<see cref="IRuleFixer"/>), in the
/// order the fixers are given. Suppressed findings, findings without a field path and findings of rules without a fixer
/// yield nothing. When two fixes would write the same field, the first fixer wins; running the check again on the result
/// finds what is left (<see cref="ManifestFixer"/> repeats until nothing changes).
/// </summary>
internal static class FixPlanner
{
    /// <summary>
    /// The edits that repair <paramref name="diagnostics"/>, the findings of <paramref name="document"/>
    /// (<see cref="DocumentFindings.Assign"/> splits a file's findings by document). Empty for kinds without a pod spec.
    /// </summary>
    public static IReadOnlyList<FieldEdit> Plan(ManifestDocument document, IEnumerable<Diagnostic> diagnostics, IReadOnlyList<IRuleFixer> fixers) =>
        Plan(document, ObjectReader.Read(document), diagnostics, fixers);

    /// <inheritdoc cref="Plan(ManifestDocument, IEnumerable{Diagnostic}, IReadOnlyList{IRuleFixer})"/>
    /// <param name="document">The document.</param>
    /// <param name="read">What <see cref="ObjectReader.Read"/> gives for it: the check that found the findings read it already.</param>
    /// <param name="diagnostics">Its findings.</param>
    /// <param name="fixers">The rules' fixes, in order.</param>
    public static IReadOnlyList<FieldEdit> Plan(ManifestDocument document, KubeObject? read, IEnumerable<Diagnostic> diagnostics, IReadOnlyList<IRuleFixer> fixers)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(fixers);
        if (read is not Workload workload)
        {
            return [];
        }

        var fixable = diagnostics.Where(d => !d.IsSuppressed && d.FieldPath is not null).ToLookup(d => d.Rule.Id, StringComparer.Ordinal);
        var edits = new List<FieldEdit>();
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fixer in fixers)
        {
            var findings = fixable[fixer.Rule.Id].ToList();
            if (findings.Count == 0)
            {
                continue;
            }

            foreach (var group in fixer.Plan(document, workload, findings))
            {
                // A group is all or nothing: a move that cannot add must not remove.
                if (group.Any(e => e is not AppendItem && written.Contains(e.TargetPath)))
                {
                    continue;
                }

                foreach (var edit in group)
                {
                    written.Add(edit.TargetPath);
                    edits.Add(edit);
                }
            }
        }

        return edits;
    }
}
