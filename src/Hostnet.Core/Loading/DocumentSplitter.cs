namespace Hostnet.Core.Loading;

/// <summary>
/// Splits a stream at <c>---</c> lines before parsing, so that a syntax error in one document
/// does not hide the others. Mirrors kubectl's reader (k8s.io/apimachinery/pkg/util/yaml, YAMLReader.Read):
/// a separator is a line starting with <c>---</c> followed only by spaces or a comment.
/// </summary>
internal static class DocumentSplitter
{
    public static IEnumerable<DocumentChunk> Split(string text)
    {
        var chunkStart = 0;
        var chunkLine = 1;
        var line = 1;
        var position = 0;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            var next = end < 0 ? text.Length : end + 1;
            if (IsSeparator(text.AsSpan(position, (end < 0 ? text.Length : end) - position)))
            {
                yield return new DocumentChunk(text, chunkStart, position - chunkStart, chunkLine);
                chunkStart = position;
                chunkLine = line;
            }

            position = next;
            line++;
        }

        yield return new DocumentChunk(text, chunkStart, text.Length - chunkStart, chunkLine);
    }

    private static bool IsSeparator(ReadOnlySpan<char> line)
    {
        if (!line.StartsWith("---", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = line[3..].TrimStart(" \t\r");
        return rest.IsEmpty || rest[0] == '#';
    }
}
