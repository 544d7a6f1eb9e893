using Hostnet.Core.Diagnostics;
using Hostnet.Core.Documents;

namespace Hostnet.Core.Fixing;

/// <summary>Which document of a file each finding is about: the last one that starts at or before its position.</summary>
internal static class DocumentFindings
{
    public static IReadOnlyDictionary<ManifestDocument, List<Diagnostic>> Assign(IReadOnlyList<ManifestDocument> documents, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var ordered = documents.OrderBy(d => d.Root.Position.Line).ThenBy(d => d.Root.Position.Column).ToArray();
        var starts = ordered.Select(d => d.Root.Position).ToArray();
        var result = new Dictionary<ManifestDocument, List<Diagnostic>>();
        foreach (var diagnostic in diagnostics)
        {
            var index = Array.BinarySearch(starts, diagnostic.Position, Comparer<SourcePosition>.Create(Compare));
            if (index < 0)
            {
                // Not a document start: the document before the insertion point holds it.
                index = ~index - 1;
            }

            if (index < 0)
            {
                continue;
            }

            var owner = ordered[index];

            if (!result.TryGetValue(owner, out var list))
            {
                result[owner] = list = [];
            }

            list.Add(diagnostic);
        }

        return result;
    }

    private static int Compare(SourcePosition a, SourcePosition b) =>
        a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column);
}
