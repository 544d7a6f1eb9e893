using Hostnet.Core.Diagnostics;
using Hostnet.Core.Loading;

namespace Hostnet.Core.Fixing;

/// <summary>Which document of a file each finding is about: the last one that starts at or before its position.</summary>
public static class DocumentFindings
{
    public static IReadOnlyDictionary<ManifestDocument, List<Diagnostic>> Assign(IReadOnlyList<ManifestDocument> documents, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var ordered = documents.OrderBy(d => d.Root.Position.Line).ThenBy(d => d.Root.Position.Column).ToArray();
        var result = new Dictionary<ManifestDocument, List<Diagnostic>>();
        foreach (var diagnostic in diagnostics)
        {
            var owner = ordered.LastOrDefault(d => Compare(d.Root.Position, diagnostic.Position) <= 0);
            if (owner is null)
            {
                continue;
            }

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
