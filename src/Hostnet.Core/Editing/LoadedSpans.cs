using Hostnet.Core.Documents;
using ScalarStyle = YamlDotNet.Core.ScalarStyle;

namespace Hostnet.Core.Editing;

/// <summary>
/// The <see cref="SpanNode"/> tree of a loaded document, found from the loader's tree and the text: the loader parsed
/// the document already and knows where every node starts, so only the ends are left to find, and in the YAML that
/// manifests are made of they follow from the text (a quoted scalar's closing quote, the end of a plain scalar on its
/// line, a flow collection's closing bracket). Re-parsing the edited documents with YamlDotNet instead was most of what
/// <see cref="TextFixer"/> cost. Where the text does not answer exactly, it gives up (null) and
/// <see cref="SpanReader"/> re-reads the document with YamlDotNet: anchors, aliases and merge keys (a node that does
/// not start after the one before it, or starts with <c>&amp;</c> or <c>*</c>), tags, block scalars (<c>|</c>,
/// <c>&gt;</c>) and plain scalars over several lines (the text of the first line is not the value). Tests check that
/// both give the same spans on every fixture and golden document.
/// </summary>
internal sealed class LoadedSpans
{
    private readonly string _text;
    private readonly TextLines _lines;

    /// <summary>Where the node read last ends: a node of a tree read once, in text order, starts at or after it.</summary>
    private int _cursor;

    private LoadedSpans(string text, TextLines lines)
    {
        _text = text;
        _lines = lines;
    }

    /// <summary>The spans of <paramref name="root"/>, loaded from <paramref name="text"/>; null when the text cannot tell them exactly.</summary>
    public static SpanMapping? TryRead(string text, TextLines lines, SourceMapping root) =>
        new LoadedSpans(text, lines).Node(root, flow: false) as SpanMapping;

    private char CharAt(int i) => i < _text.Length ? _text[i] : '\n';

    private SpanNode? Node(SourceNode node, bool flow)
    {
        if (StartOf(node.Position) is not { } start)
        {
            return null;
        }

        return node switch
        {
            SourceScalar scalar => Scalar(scalar.Position, scalar.Value, scalar.Style, start, flow),
            SourceMapping mapping => Mapping(mapping, start, flow),
            SourceSequence sequence => Sequence(sequence, start, flow),
            _ => null,
        };
    }

    /// <summary>A mapping's key, kept inline in its entry (not as a node).</summary>
    private SpanScalar? Key(in MappingEntry entry, bool flow) =>
        StartOf(entry.KeyPosition) is { } start ? Scalar(entry.KeyPosition, entry.Key, entry.KeyStyle, start, flow) : null;

    /// <summary>The offset of <paramref name="position"/>; null when it is not after the node read last.</summary>
    private int? StartOf(SourcePosition position) =>
        _lines.OffsetOf(position) is { } start && start >= _cursor ? start : null;

    private SpanScalar? Scalar(SourcePosition position, string value, Documents.ScalarStyle loadedStyle, int start, bool flow)
    {
        var (line, column) = position;
        var c = CharAt(start);
        var plain = loadedStyle == Documents.ScalarStyle.Plain;
        if (plain && value.Length == 0)
        {
            // Nothing written: the loader places the empty value where the next token is looked for.
            return c is ' ' or '\n' or '\r' or '#' || (flow && c is ',' or '}' or ']')
                ? new SpanScalar(start, start, line, column, string.Empty, ScalarStyle.Plain)
                : null;
        }

        int end;
        ScalarStyle style;
        switch (c)
        {
            case '"' when loadedStyle == Documents.ScalarStyle.Quoted:
                (end, style) = (DoubleQuotedEnd(start), ScalarStyle.DoubleQuoted);
                break;
            case '\'' when loadedStyle == Documents.ScalarStyle.Quoted:
                (end, style) = (SingleQuotedEnd(start), ScalarStyle.SingleQuoted);
                break;
            case not ('&' or '*' or '!' or '|' or '>' or '"' or '\'') when plain:
                end = PlainEnd(start, flow);
                (end, style) = (_text.AsSpan(start, end - start).SequenceEqual(value) ? end : -1, ScalarStyle.Plain);
                break;
            default:
                return null;
        }

        if (end < 0)
        {
            return null;
        }

        _cursor = end;
        return new SpanScalar(start, end, line, column, value, style);
    }

    /// <summary>After the closing quote; -1 without one.</summary>
    private int DoubleQuotedEnd(int start)
    {
        for (var j = start + 1; j < _text.Length; j++)
        {
            if (_text[j] == '\\')
            {
                j++;
            }
            else if (_text[j] == '"')
            {
                return j + 1;
            }
        }

        return -1;
    }

    /// <summary>After the closing quote (<c>''</c> is a quote inside); -1 without one.</summary>
    private int SingleQuotedEnd(int start)
    {
        for (var j = start + 1; j < _text.Length; j++)
        {
            if (_text[j] == '\'')
            {
                if (CharAt(j + 1) != '\'')
                {
                    return j + 1;
                }

                j++;
            }
        }

        return -1;
    }

    /// <summary>
    /// Where a plain scalar's first line ends (at a line end, <c>: </c> or <c> #</c>, in flow also at <c>,[]{}</c>),
    /// before trailing blanks; the caller compares that text with the value, which a scalar over several lines fails.
    /// </summary>
    private int PlainEnd(int start, bool flow)
    {
        var k = start;
        while (k < _text.Length)
        {
            var c = _text[k];
            if (c is '\n' or '\r' || (c == '#' && k > start && _text[k - 1] is ' ' or '\t')
                || (c == ':' && (CharAt(k + 1) is ' ' or '\t' or '\n' or '\r' || (flow && CharAt(k + 1) is ',' or '[' or ']' or '{' or '}')))
                || (flow && c is ',' or '[' or ']' or '{' or '}'))
            {
                break;
            }

            k++;
        }

        while (k > start && _text[k - 1] is ' ' or '\t')
        {
            k--;
        }

        return k;
    }

    private SpanMapping? Mapping(SourceMapping mapping, int start, bool flow)
    {
        var isFlow = CharAt(start) == '{';
        if (isFlow)
        {
            _cursor = start + 1;
        }
        else if (flow)
        {
            return null;
        }

        var entries = new List<SpanEntry>(mapping.Count);
        foreach (var entry in mapping.Entries)
        {
            if (Key(entry, isFlow) is not { } keySpan || Node(entry.Value, isFlow) is not { } valueSpan)
            {
                return null;
            }

            if (valueSpan is SpanScalar { Value.Length: 0, Style: ScalarStyle.Plain } empty && empty.Start == empty.End)
            {
                // As SpanReader does: an empty value stands right after its key.
                empty.PlaceAt(keySpan.End);
            }

            entries.Add(new SpanEntry(keySpan, valueSpan));
        }

        if (!isFlow && (entries.Count == 0 || entries[0].Key.Start != start))
        {
            return null;
        }

        var close = isFlow ? Close('}') : -1;
        return close < 0 && isFlow ? null : new SpanMapping(start, mapping.Position.Line, mapping.Position.Column, isFlow, entries, close);
    }

    private SpanSequence? Sequence(SourceSequence sequence, int start, bool flow)
    {
        var isFlow = CharAt(start) == '[';
        if (isFlow)
        {
            _cursor = start + 1;
        }
        else if (flow || CharAt(start) != '-')
        {
            return null;
        }

        var items = new List<SpanNode>(sequence.Count);
        for (var i = 0; i < sequence.Count; i++)
        {
            if (Node(sequence[i], isFlow) is not { } itemSpan)
            {
                return null;
            }

            items.Add(itemSpan);
        }

        var close = isFlow ? Close(']') : -1;
        return close < 0 && isFlow ? null : new SpanSequence(start, sequence.Position.Line, sequence.Position.Column, isFlow, items, close);
    }

    /// <summary>The closing bracket after the last item read: only blanks, line breaks, commas and comments come first; -1 if not.</summary>
    private int Close(char bracket)
    {
        var i = _cursor;
        while (i < _text.Length)
        {
            var c = _text[i];
            if (c == bracket)
            {
                _cursor = i + 1;
                return i;
            }

            if (c == '#')
            {
                var lineEnd = _text.IndexOf('\n', i);
                i = lineEnd < 0 ? _text.Length : lineEnd;
            }
            else if (c is ' ' or '\t' or '\r' or '\n' or ',')
            {
                i++;
            }
            else
            {
                return -1;
            }
        }

        return -1;
    }
}
