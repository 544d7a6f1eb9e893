using Hostnet.Core.Documents;
using Hostnet.Core.Loading;
using YamlDotNet.Core;
using ScalarStyle = YamlDotNet.Core.ScalarStyle;
using YamlDotNet.Core.Events;

namespace Hostnet.Core.Editing;

/// <summary>
/// Re-reads a file's text into <see cref="SpanNode"/> trees, document by document as the loader splits them, so that a
/// document the loader could not read does not stop the others from being edited.
/// </summary>
internal static class SpanReader
{
    /// <summary>
    /// The trees of the documents (as the loader splits them) that hold one of <paramref name="lines"/>, sorted: a fix
    /// touches a few documents of a stream, and parsing the others would cost as much as all of them.
    /// </summary>
    public static List<SpanNode> Read(string text, IReadOnlyList<int> lines)
    {
        var roots = new List<SpanNode>();
        var offset = 0;
        var chunks = DocumentSplitter.Split(text).ToList();
        var wanted = 0;
        for (var k = 0; k < chunks.Count; k++)
        {
            var chunk = chunks[k];
            var end = k + 1 < chunks.Count ? chunks[k + 1].FirstLine : int.MaxValue;
            while (wanted < lines.Count && lines[wanted] < chunk.FirstLine)
            {
                wanted++;
            }

            if (wanted == lines.Count || lines[wanted] >= end)
            {
                offset += chunk.Length;
                continue;
            }

            try
            {
                using var reader = new StringReader(chunk.Text);
                var parser = new Parser(reader);
                parser.Consume<StreamStart>();
                while (!parser.TryConsume<StreamEnd>(out _))
                {
                    parser.Consume<DocumentStart>();
                    roots.Add(ReadNode(parser, offset, chunk.FirstLine));
                    parser.Consume<DocumentEnd>();
                }
            }
            catch (Exception error) when (error is YamlException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
            {
                // The loader reported this document as invalid input; nothing in it is fixed.
            }

            offset += chunk.Length;
        }

        return roots;
    }

    /// <summary>
    /// The mapping that starts at <paramref name="position"/>: at each level only the last node starting at or before
    /// it can hold it, found by halving (nodes are in text order), so a file of many documents is not searched from
    /// its start for each one.
    /// </summary>
    public static SpanMapping? FindMapping(IReadOnlyList<SpanNode> nodes, SourcePosition position)
    {
        SpanNode? candidate = null;
        var (low, high) = (0, nodes.Count - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var node = nodes[middle];
            if (node.Line > position.Line || (node.Line == position.Line && node.Column > position.Column))
            {
                high = middle - 1;
            }
            else
            {
                candidate = node;
                low = middle + 1;
            }
        }

        if (candidate is SpanMapping found && candidate.Line == position.Line && candidate.Column == position.Column)
        {
            return found;
        }

        return candidate switch
        {
            SpanMapping mapping => FindMapping([.. mapping.Entries.Select(e => e.Value)], position),
            SpanSequence sequence => FindMapping(sequence.Items, position),
            _ => null,
        };
    }

    private static SpanNode ReadNode(IParser parser, int offset, int firstLine)
    {
        var current = parser.Current ?? throw new InvalidOperationException("unexpected end of the YAML stream");
        parser.MoveNext();
        var start = offset + (int)current.Start.Index;
        var line = (int)current.Start.Line + firstLine - 1;
        var column = (int)current.Start.Column;
        var shared = current is AnchorAlias || current is NodeEvent { Anchor.IsEmpty: false };
        var node = Read(parser, current, offset, firstLine, start, line, column);
        node.IsShared = shared;
        return node;
    }

    private static SpanNode Read(IParser parser, ParsingEvent current, int offset, int firstLine, int start, int line, int column)
    {
        switch (current)
        {
            case Scalar scalar:
                return new SpanScalar(start, offset + (int)scalar.End.Index, line, column, scalar.Value, scalar.Style);
            case AnchorAlias alias:
                return new SpanScalar(start, offset + (int)alias.End.Index, line, column, string.Empty, ScalarStyle.Any);
            case SequenceStart sequence:
            {
                var items = new List<SpanNode>();
                while (parser.Current is not SequenceEnd)
                {
                    items.Add(ReadNode(parser, offset, firstLine));
                }

                var close = offset + (int)parser.Current.Start.Index;
                parser.MoveNext();
                return new SpanSequence(start, line, column, sequence.Style == SequenceStyle.Flow, items, close);
            }

            case MappingStart mapping:
            {
                var entries = new List<SpanEntry>();
                while (parser.Current is not MappingEnd)
                {
                    var key = ReadNode(parser, offset, firstLine);
                    var value = ReadNode(parser, offset, firstLine);
                    if (value is SpanScalar { Value.Length: 0, Style: ScalarStyle.Plain } empty && empty.Start == empty.End)
                    {
                        empty.PlaceAt(key.End);
                    }

                    entries.Add(new SpanEntry(key, value));
                }

                var close = offset + (int)parser.Current.Start.Index;
                parser.MoveNext();
                return new SpanMapping(start, line, column, mapping.Style == MappingStyle.Flow, entries, close);
            }

            default:
                throw new InvalidOperationException("unexpected YAML event " + current.GetType().Name);
        }
    }
}
