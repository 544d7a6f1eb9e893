using Hostnet.Core.Diagnostics;
using Hostnet.Core.Documents;
using Hostnet.Core.Editing;
using Hostnet.Core.Model;

namespace Hostnet.Core.Analysis;

/// <summary>
/// The fix of one rule, kept beside the rule as Roslyn keeps a code fix beside its analyzer: turns the rule's findings
/// on one document into field edits (RULES.md, the fix column). A rule is fixable exactly when it has a fixer.
/// </summary>
public interface IRuleFixer
{
    /// <summary>The rule whose findings this fixer repairs.</summary>
    RuleDescriptor Rule { get; }

    /// <summary>
    /// Groups of edits for <paramref name="findings"/> (the rule's unsuppressed findings on <paramref name="document"/>,
    /// each with a field path); a group is applied whole or not at all. Nothing where no safe fix exists.
    /// </summary>
    IEnumerable<IReadOnlyList<FieldEdit>> Plan(ManifestDocument document, Workload workload, IReadOnlyList<Diagnostic> findings);
}
