using Hostnet.Core.Documents;
using Hostnet.Core.Loading;

namespace Hostnet.Core.Fixing;

/// <summary>
/// A fixed file loaded again with only the documents whose text the fix changed parsed again: the others keep their
/// trees (and so what a check read of them), moved by the lines the edits above them added or removed. The result is
/// what <see cref="ManifestLoader.Load"/> gives for the new text, which is what a file falls back to whenever reusing
/// could differ from it (a JSON stream, a changed number of documents, a problem in either text).
/// </summary>
/// <param name="Result">The file's documents, skipped documents and problems, as a load of its new text gives them.</param>
/// <param name="Dropped">The documents of the earlier load that are gone (their text changed).</param>
/// <param name="Moved">The documents kept but moved, with the lines they moved by.</param>
internal sealed record FileReload(LoadResult Result, IReadOnlyList<ManifestDocument> Dropped, IReadOnlyList<(ManifestDocument Document, int Lines)> Moved)
{
    /// <summary>Loads <paramref name="after"/>, the fixed text of <paramref name="before"/>, whose load was <paramref name="loaded"/>.</summary>
    public static FileReload Of(ManifestLoader loader, SourceFile before, LoadResult loaded, SourceFile after)
    {
        var oldChunks = DocumentSplitter.Split(before.Text).ToArray();
        var newChunks = DocumentSplitter.Split(after.Text).ToArray();
        if (loaded.Problems.Count > 0 || oldChunks.Length != newChunks.Length || after.Text.Length > loader.Limits.MaxFileBytes
            || JsonSyntaxCheck.IsJsonStream(before.Text) || JsonSyntaxCheck.IsJsonStream(after.Text))
        {
            // A JSON stream is read with Go's rules as a whole; a problem's position may lie outside its document; a
            // text grown past the size limit is refused whole, as a load of it would refuse it.
            return Whole(loader, loaded, after);
        }

        var documents = new List<ManifestDocument>(loaded.Documents.Count);
        var skipped = new List<SkippedDocument>(loaded.Skipped.Count);
        var dropped = new List<ManifestDocument>();
        var moved = new List<(ManifestDocument, int)>();
        var shifts = new List<(IReadOnlyList<ManifestDocument> Documents, int Lines)>();
        var (nextDocument, nextSkipped) = (0, 0);
        for (var k = 0; k < oldChunks.Length; k++)
        {
            // The earlier load's entries in order; those of this chunk start before the next chunk's first line.
            var end = k + 1 < oldChunks.Length ? oldChunks[k + 1].FirstLine : int.MaxValue;
            var oldDocuments = Take(loaded.Documents, ref nextDocument, d => d.Root.Position.Line < end);
            var oldSkipped = Take(loaded.Skipped, ref nextSkipped, s => s.Position.Line < end);
            var (oldChunk, newChunk) = (oldChunks[k], newChunks[k]);
            if (Text(oldChunk).SequenceEqual(Text(newChunk)))
            {
                var lines = newChunk.FirstLine - oldChunk.FirstLine;
                Add(documents, skipped, oldDocuments, oldSkipped, lines);
                if (lines != 0)
                {
                    moved.AddRange(oldDocuments.Select(d => (d, lines)));
                    shifts.Add((oldDocuments, lines));
                }

                continue;
            }

            // The chunk alone starts on line 1 (its "---" line, if any, splits off an empty chunk that yields nothing).
            var parsed = loader.Load(after with { Text = new string(Text(newChunk)) });
            if (parsed.Problems.Count > 0)
            {
                return Whole(loader, loaded, after);
            }

            Add(documents, skipped, parsed.Documents, parsed.Skipped, newChunk.FirstLine - 1);
            if (newChunk.FirstLine > 1)
            {
                shifts.Add((parsed.Documents, newChunk.FirstLine - 1));
            }
            dropped.AddRange(oldDocuments);
        }

        // Only now that no chunk falls back to a whole load are the kept trees moved: a fallback leaves them as they were.
        foreach (var (chunkDocuments, lines) in shifts)
        {
            // One call for the chunk: the items of a List may share nodes through aliases.
            SourceNode.ShiftLines(chunkDocuments.Select(d => d.Root), lines);
        }

        return new FileReload(new LoadResult(documents, [], skipped), dropped, moved);
    }

    private static FileReload Whole(ManifestLoader loader, LoadResult loaded, SourceFile after) =>
        new(loader.Load(after), loaded.Documents, []);

    private static ReadOnlySpan<char> Text(DocumentChunk chunk) => chunk.Source.AsSpan(chunk.Start, chunk.Length);

    /// <summary>The entries from <paramref name="next"/> on that belong to one chunk, which <paramref name="next"/> then passes.</summary>
    private static List<T> Take<T>(IReadOnlyList<T> entries, ref int next, Func<T, bool> inChunk)
    {
        var taken = new List<T>();
        while (next < entries.Count && inChunk(entries[next]))
        {
            taken.Add(entries[next++]);
        }

        return taken;
    }

    /// <summary>Adds one chunk's documents, and its skipped documents moved down by <paramref name="lines"/> (the trees move at the end).</summary>
    private static void Add(List<ManifestDocument> documents, List<SkippedDocument> skipped, IReadOnlyList<ManifestDocument> chunkDocuments, IReadOnlyList<SkippedDocument> chunkSkipped, int lines)
    {
        documents.AddRange(chunkDocuments);
        skipped.AddRange(chunkSkipped.Select(s => lines == 0 ? s : s with { Position = s.Position.ShiftedBy(lines) }));
    }
}
