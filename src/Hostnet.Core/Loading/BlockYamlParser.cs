using System.Buffers;
using System.Text;
using Hostnet.Core.Documents;

namespace Hostnet.Core.Loading;

/// <summary>
/// A fast reader for the YAML that manifests are made of (block mappings and sequences, one-line plain and quoted
/// scalars, one-line flow collections of scalars, <c>|</c> literal blocks), building exactly the node tree that
/// <see cref="NodeBuilder"/> builds from YamlDotNet's <c>Parser</c> for the same text (values, styles, line and column).
/// YamlDotNet's scanner reads a character at a time through a look-ahead buffer and allocates a token and an event
/// per item, which made it most of a check's time; this reads the text in place and allocates only the tree.
/// It does not try to be a YAML parser: on anything outside that subset (anchors, tags, multi-line scalars, folded
/// blocks, tabs, CR, unusual characters, anything that might be an error) it gives up, and so it does on what the
/// loader reports or treats specially (duplicate keys, merge keys, the depth and size limits): the loader then
/// parses the text with YamlDotNet and <see cref="NodeBuilder"/>, so errors and rare syntax keep one implementation.
/// </summary>
internal sealed class BlockYamlParser
{
    /// <summary>YamlDotNet's limit on an implicit key's length (it reports longer ones as errors).</summary>
    private const int MaxKeyLength = 1000;

    private const string MergeKey = "<<";

    /// <summary>What may end a plain scalar in block context (a line end, <c>: </c>, <c> #</c>), and in flow context.</summary>
    private static readonly SearchValues<char> BlockPlainStops = SearchValues.Create("\n#:");

    /// <inheritdoc cref="BlockPlainStops"/>
    private static readonly SearchValues<char> FlowPlainStops = SearchValues.Create("\n#:,[]{}");

    // One set of stacks per thread, reused chunk after chunk (the loader parses files on several threads).
    [ThreadStatic]
    private static NodeStacks? t_stacks;

    [ThreadStatic]
    private static StringBuilder? t_buffer;

    private readonly string _text;
    private readonly int _end;
    private readonly int _firstLine;
    private readonly LoaderLimits _limits;
    private readonly StringPool _strings;
    private readonly NodeStacks _stacks;
    private readonly StringBuilder _buffer;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private long _nodes;

    private BlockYamlParser(DocumentChunk chunk, LoaderLimits limits, StringPool strings)
    {
        _text = chunk.Source;
        _pos = _lineStart = chunk.Start;
        _end = chunk.Start + chunk.Length;
        _firstLine = chunk.FirstLine;
        _limits = limits;
        _strings = strings;
        _stacks = t_stacks ??= new NodeStacks();
        _buffer = t_buffer ??= new StringBuilder();
        _stacks.Clear();
    }

    /// <summary>Builds the tree of <paramref name="chunk"/>, read in place in its file's text, unless it is outside the subset.</summary>
    /// <param name="chunk">One document (a chunk of <see cref="DocumentSplitter"/>).</param>
    /// <param name="limits">The loader's limits: a text that reaches them is left to the general path, which reports it.</param>
    /// <param name="strings">Where scalar texts are shared: a repeated key or value costs no new string.</param>
    /// <param name="root">The document's root; null for a text without a document (only comments or blank lines).</param>
    /// <returns>False when the text is outside the subset: then it must be parsed the general way.</returns>
    public static bool TryBuild(DocumentChunk chunk, LoaderLimits limits, StringPool strings, out SourceNode? root)
    {
        root = null;
        if (!IsPlainText(chunk.Source.AsSpan(chunk.Start, chunk.Length)))
        {
            return false;
        }

        var parser = new BlockYamlParser(chunk, limits, strings);
        return parser.ParseStream(out root);
    }

    /// <summary>Printable characters, LF line ends, no tabs: YamlDotNet counts columns the same way for these.</summary>
    private static bool IsPlainText(ReadOnlySpan<char> span)
    {
        while (true)
        {
            var i = span.IndexOfAnyExceptInRange(' ', '~');
            if (i < 0)
            {
                return true;
            }

            var c = span[i];
            if (c != '\n' && (c < '\u00a0' || c is '\u2028' or '\u2029' or '\ufeff' || c >= '\ud800'))
            {
                return false;
            }

            span = span[(i + 1)..];
        }
    }

    private bool ParseStream(out SourceNode? root)
    {
        root = null;
        var indent = PeekIndent(allowMarker: true);
        if (indent == 0 && At(_pos, "---"))
        {
            if (!EndLine(_pos + 3))
            {
                return false;
            }

            indent = PeekIndent(allowMarker: false);
        }

        if (indent == -2)
        {
            return false;
        }

        if (indent >= 0)
        {
            var start = _lineStart + indent;
            root = IsSequenceEntry(start) ? ParseSequence(indent, depth: 1)
                : KeyEnd(start) >= 0 ? ParseMapping(indent, start, depth: 1) : null;
            if (root is null || PeekIndent(allowMarker: false) != -1)
            {
                root = null;
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Moves to the next line with content (skipping blank and comment lines) and returns its indentation;
    /// -1 at the end of the text, -2 for a document marker (<c>---</c>, <c>...</c>) unless <paramref name="allowMarker"/>.
    /// </summary>
    private int PeekIndent(bool allowMarker)
    {
        while (_pos < _end)
        {
            var i = _pos;
            while (i < _end && _text[i] == ' ')
            {
                i++;
            }

            if (i == _end)
            {
                _pos = i;
                return -1;
            }

            if (_text[i] is '\n' or '#')
            {
                var end = _text.IndexOf('\n', i, _end - i);
                if (end < 0)
                {
                    _pos = _end;
                    return -1;
                }

                NewLine(end + 1);
                continue;
            }

            var indent = i - _pos;
            if (indent == 0 && !allowMarker && (At(i, "---") || At(i, "...")))
            {
                return -2;
            }

            return indent;
        }

        return -1;
    }

    private void NewLine(int start)
    {
        _pos = start;
        _lineStart = start;
        _line++;
    }

    private bool At(int i, string marker) => i + marker.Length <= _end && string.CompareOrdinal(_text, i, marker, 0, marker.Length) == 0;

    private char CharAt(int i) => i < _end ? _text[i] : '\n';

    /// <summary>The position of <paramref name="i"/> on the current line, in the file's lines.</summary>
    private SourcePosition PositionAt(int i) => new(_line + _firstLine - 1, i - _lineStart + 1);

    /// <summary>
    /// Counts a node about to be built at <paramref name="depth"/>; false when it reaches a limit of the loader
    /// (too deep, too many nodes), which the general path then reports as the error it is.
    /// </summary>
    private bool Admit(int depth) => depth <= _limits.MaxDepth && ++_nodes <= _limits.MaxExpandedNodes;

    /// <summary>The rest of the line from <paramref name="i"/> must be blank or a comment; moves to the next line.</summary>
    private bool EndLine(int i)
    {
        var start = i;
        while (CharAt(i) == ' ')
        {
            i++;
        }

        if (i < _end && _text[i] != '\n')
        {
            if (_text[i] != '#' || (i == start && i > 0 && _text[i - 1] != ' '))
            {
                return false;
            }

            i = _text.IndexOf('\n', i, _end - i);
            if (i < 0)
            {
                i = _end;
            }
        }

        if (i >= _end)
        {
            _pos = _end;
            return true;
        }

        NewLine(i + 1);
        return true;
    }

    private bool IsSequenceEntry(int i) => CharAt(i) == '-' && CharAt(i + 1) is ' ' or '\n';

    /// <summary>A block mapping whose first key starts at <paramref name="keyStart"/>, its keys at <paramref name="indent"/>.</summary>
    private SourceMapping? ParseMapping(int indent, int keyStart, int depth)
    {
        if (!Admit(depth))
        {
            return null;
        }

        var position = PositionAt(keyStart);
        var start = _stacks.EntryCount;
        Dictionary<string, SourcePosition>? seen = null;
        while (true)
        {
            // The key's text, position and style go into the entry: no scalar node is made for it.
            var colon = KeyEnd(keyStart, out var keyEnd);
            var keyPosition = PositionAt(keyStart);
            if (colon < 0 || !Admit(depth + 1) || ScalarText(keyStart, keyEnd, flow: false, out var keyStyle) is not { } key
                || ParseValue(colon + 1, indent, depth + 1) is not { } value
                || !TryAddEntry(start, value.Entry(key, keyPosition, keyStyle), ref seen))
            {
                return null;
            }

            var next = PeekIndent(allowMarker: false);
            if (next < indent)
            {
                break;
            }

            if (next > indent)
            {
                return null;
            }

            keyStart = _lineStart + indent;
        }

        return new SourceMapping(position, _stacks.PopEntries(start));
    }

    /// <summary>Adds an entry to the mapping being built; false for a merge key or a duplicate (the general path's).</summary>
    private bool TryAddEntry(int start, MappingEntry entry, ref Dictionary<string, SourcePosition>? seen)
    {
        if ((entry.KeyStyle == ScalarStyle.Plain && entry.Key == MergeKey) || _stacks.FirstKey(start, entry.Key, ref seen) is not null)
        {
            return false;
        }

        _stacks.AddEntry(entry, seen);
        return true;
    }

    /// <summary>A block sequence whose dashes are at <paramref name="indent"/> (the current line is its first entry).</summary>
    private SourceSequence? ParseSequence(int indent, int depth)
    {
        if (!Admit(depth))
        {
            return null;
        }

        var position = PositionAt(_lineStart + indent);
        var start = _stacks.ItemCount;
        while (true)
        {
            var dash = _lineStart + indent;
            var i = SkipSpaces(dash + 1);
            ParsedValue? item;
            if (IsLineEnd(i, dash + 1))
            {
                var empty = PositionAt(dash + 1);
                item = EndLine(i) ? ParseNextLines(indent, indentless: false, empty, depth + 1) : null;
            }
            else if (IsSequenceEntry(i))
            {
                return null;
            }
            else if (KeyEnd(i) >= 0)
            {
                item = ParseMapping(i - _lineStart, i, depth + 1) is { } mapping ? new ParsedValue(mapping) : null;
            }
            else
            {
                item = ParseInline(i, indent, depth + 1);
            }

            if (item is not { } value)
            {
                return null;
            }

            value.AddTo(_stacks);
            var next = PeekIndent(allowMarker: false);
            if (next > indent)
            {
                return null;
            }

            if (next < indent || !IsSequenceEntry(_lineStart + indent))
            {
                break;
            }
        }

        return _stacks.PopSequence(position, start);
    }

    /// <summary>A mapping value, from just after its <c>:</c>.</summary>
    private ParsedValue? ParseValue(int afterColon, int indent, int depth)
    {
        var i = SkipSpaces(afterColon);
        if (IsLineEnd(i, afterColon))
        {
            var empty = PositionAt(afterColon);
            return EndLine(i) ? ParseNextLines(indent, indentless: true, empty, depth) : null;
        }

        return ParseInline(i, indent, depth);
    }

    /// <summary>A value on the lines below its key or dash: a nested collection, or an empty (null) scalar.</summary>
    private ParsedValue? ParseNextLines(int indent, bool indentless, SourcePosition empty, int depth)
    {
        var next = PeekIndent(allowMarker: false);
        if (next == -2)
        {
            return null;
        }

        var start = _lineStart + next;
        if (next > indent || (indentless && next == indent && IsSequenceEntry(start)))
        {
            SourceNode? collection = IsSequenceEntry(start) ? ParseSequence(next, depth) : KeyEnd(start) >= 0 ? ParseMapping(next, start, depth) : null;
            return collection is null ? null : new ParsedValue(collection);
        }

        return Admit(depth) ? new ParsedValue(new ScalarView(empty, string.Empty, ScalarStyle.Plain)) : null;
    }

    /// <summary>A value that starts on the current line at <paramref name="i"/>.</summary>
    private ParsedValue? ParseInline(int i, int indent, int depth)
    {
        switch (_text[i])
        {
            case '|':
                return ParseLiteral(i, indent, depth) is { } literal ? new ParsedValue(literal) : null;
            case '[':
            case '{':
                var flow = ParseFlow(i, depth, out var end);
                return flow is not null && EndLine(end) ? new ParsedValue(flow) : null;
            default:
                var scalarEnd = ScalarEnd(i, flow: false);
                return scalarEnd >= 0 && CharAt(scalarEnd) != ':' && ScalarAt(i, scalarEnd, flow: false, depth) is { } scalar && EndLine(scalarEnd)
                    ? new ParsedValue(scalar)
                    : null;
        }
    }

    private int SkipSpaces(int i)
    {
        while (CharAt(i) == ' ')
        {
            i++;
        }

        return i;
    }

    /// <summary>Whether <paramref name="i"/> ends the line's content (a comment must follow a space).</summary>
    private bool IsLineEnd(int i, int from) => CharAt(i) == '\n' || (_text[i] == '#' && i > from);

    /// <summary>
    /// Where the key starting at <paramref name="i"/> has its <c>:</c> (followed by a space or the line end),
    /// or -1 when the line does not start with a one-line key.
    /// </summary>
    private int KeyEnd(int i) => KeyEnd(i, out _);

    /// <inheritdoc cref="KeyEnd(int)"/>
    /// <param name="i">Where the key starts.</param>
    /// <param name="scalarEnd">Where the key's scalar ends (before spaces).</param>
    private int KeyEnd(int i, out int scalarEnd)
    {
        scalarEnd = ScalarEnd(i, flow: false);
        if (scalarEnd < 0 || scalarEnd - i > MaxKeyLength)
        {
            return -1;
        }

        var colon = SkipSpaces(scalarEnd);
        return CharAt(colon) == ':' && CharAt(colon + 1) is ' ' or '\n' ? colon : -1;
    }

    /// <summary>
    /// Where the one-line scalar starting at <paramref name="i"/> ends: after a quoted scalar's closing quote,
    /// or at what ends a plain scalar (line end, <c>: </c>, <c> #</c>, in flow also <c>,[]{}</c>), before
    /// trailing spaces. -1 when it is not a one-line scalar of the subset.
    /// </summary>
    private int ScalarEnd(int i, bool flow)
    {
        var c = CharAt(i);
        if (c == '\'')
        {
            for (var j = i + 1; j < _end && _text[j] != '\n'; j++)
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

        if (c == '"')
        {
            for (var j = i + 1; j < _end && _text[j] != '\n'; j++)
            {
                if (_text[j] == '"')
                {
                    return j + 1;
                }

                if (_text[j] == '\\')
                {
                    if (CharAt(j + 1) is not ('"' or '\\' or '/' or 'n' or 't'))
                    {
                        return -1;
                    }

                    j++;
                }
            }

            return -1;
        }

        if (!IsPlainStart(i, flow))
        {
            return -1;
        }

        var k = i;
        var stops = flow ? FlowPlainStops : BlockPlainStops;
        while (k < _end)
        {
            // Only these characters can end a plain scalar: jump to the next of them.
            var next = _text.AsSpan(k, _end - k).IndexOfAny(stops);
            if (next < 0)
            {
                k = _end;
                break;
            }

            k += next;
            c = _text[k];
            if (c == '\n' || (c == '#' && _text[k - 1] == ' '))
            {
                break;
            }

            if (c == ':')
            {
                var after = CharAt(k + 1);
                if (after is ' ' or '\n')
                {
                    break;
                }

                if (flow)
                {
                    return -1;
                }
            }

            if (flow && c is ',' or '[' or ']' or '{' or '}')
            {
                break;
            }

            k++;
        }

        while (_text[k - 1] == ' ')
        {
            k--;
        }

        return k;
    }

    private bool IsPlainStart(int i, bool flow)
    {
        var c = CharAt(i);
        switch (c)
        {
            case '-' or '?' or ':':
                var after = CharAt(i + 1);
                return after is not (' ' or '\n') && !(flow && after is ',' or '[' or ']' or '{' or '}');
            case ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' or ' ' or '\n':
                return false;
            default:
                return true;
        }
    }

    /// <summary>The scalar from <paramref name="i"/> to <paramref name="end"/> (as <see cref="ScalarEnd"/> gave), or null.</summary>
    private ScalarView? ScalarAt(int i, int end, bool flow, int depth) =>
        Admit(depth) && ScalarText(i, end, flow, out var style) is { } value ? new ScalarView(PositionAt(i), value, style) : null;

    /// <summary>The text and style of the scalar from <paramref name="i"/> to <paramref name="end"/>, or null.</summary>
    private string? ScalarText(int i, int end, bool flow, out ScalarStyle style)
    {
        var c = _text[i];
        string value;
        if (c == '\'')
        {
            style = ScalarStyle.Quoted;
            var quoted = _text.AsSpan(i + 1, end - i - 2);
            value = quoted.Contains('\'') ? _strings.Share(quoted.ToString().Replace("''", "'", StringComparison.Ordinal)) : _strings.Share(quoted);
        }
        else if (c == '"')
        {
            style = ScalarStyle.Quoted;
            value = Unescape(i + 1, end - 1);
        }
        else
        {
            style = ScalarStyle.Plain;
            if (flow && end > i && _text.AsSpan(i, end - i).Contains(" #", StringComparison.Ordinal))
            {
                return null;
            }

            value = _strings.Share(_text.AsSpan(i, end - i));
        }

        return value;
    }

    private string Unescape(int start, int end)
    {
        var span = _text.AsSpan(start, end - start);
        if (!span.Contains('\\'))
        {
            return _strings.Share(span);
        }

        _buffer.Clear();
        for (var j = 0; j < span.Length; j++)
        {
            var c = span[j];
            if (c == '\\')
            {
                c = span[++j] switch
                {
                    'n' => '\n',
                    't' => '\t',
                    var escaped => escaped,
                };
            }

            _buffer.Append(c);
        }

        return _strings.Share(_buffer.ToString());
    }

    /// <summary>A one-line flow sequence or mapping of scalars at <paramref name="i"/>, <paramref name="end"/> after it; null if not.</summary>
    private SourceNode? ParseFlow(int i, int depth, out int end)
    {
        end = -1;
        var mapping = _text[i] == '{';
        var close = mapping ? '}' : ']';
        if (!Admit(depth))
        {
            return null;
        }

        var position = PositionAt(i);
        var start = mapping ? _stacks.EntryCount : _stacks.ItemCount;
        Dictionary<string, SourcePosition>? seen = null;
        var j = SkipSpaces(i + 1);
        if (CharAt(j) != close)
        {
            while (true)
            {
                if (FlowScalar(ref j, depth + 1) is not { } first)
                {
                    return null;
                }

                if (mapping)
                {
                    if (CharAt(j) != ':' || CharAt(j + 1) != ' ')
                    {
                        return null;
                    }

                    j = SkipSpaces(j + 1);
                    if (FlowScalar(ref j, depth + 1) is not { } value
                        || !TryAddEntry(start, new MappingEntry(first.Value, first.Position, first.Style, value), ref seen))
                    {
                        return null;
                    }
                }
                else
                {
                    _stacks.AddItem(first);
                }

                if (CharAt(j) == close)
                {
                    break;
                }

                if (CharAt(j) != ',')
                {
                    return null;
                }

                j = SkipSpaces(j + 1);
                if (CharAt(j) == close)
                {
                    return null;
                }
            }
        }

        end = j + 1;
        return mapping ? new SourceMapping(position, _stacks.PopEntries(start)) : _stacks.PopSequence(position, start);
    }

    /// <summary>A scalar inside a flow collection at <paramref name="j"/>; moves <paramref name="j"/> past it and following spaces.</summary>
    private ScalarView? FlowScalar(ref int j, int depth)
    {
        var end = ScalarEnd(j, flow: true);
        if (end < 0 || end == j || ScalarAt(j, end, flow: true, depth) is not { } scalar)
        {
            return null;
        }

        j = SkipSpaces(end);
        return scalar;
    }

    /// <summary>
    /// A <c>|</c> or <c>|-</c> literal block at <paramref name="i"/> inside a collection indented <paramref name="indent"/>.
    /// Only the plain case: content indented more than the collection, no leading blank lines, no
    /// whitespace-only lines longer than the content's indentation, a line end after the last content line.
    /// </summary>
    private ScalarView? ParseLiteral(int i, int indent, int depth)
    {
        var position = PositionAt(i);
        var strip = CharAt(i + 1) == '-';
        if (!Admit(depth) || !EndLine(strip ? i + 2 : i + 1) || _pos >= _end)
        {
            return null;
        }

        var contentIndent = 0;
        while (CharAt(_pos + contentIndent) == ' ')
        {
            contentIndent++;
        }

        if (contentIndent <= indent || CharAt(_pos + contentIndent) == '\n')
        {
            return null;
        }

        _buffer.Clear();
        var blankLines = 0;
        while (_pos < _end)
        {
            var lineEnd = _text.IndexOf('\n', _pos, _end - _pos);
            if (lineEnd < 0)
            {
                return null;
            }

            var spaces = 0;
            while (_pos + spaces < lineEnd && _text[_pos + spaces] == ' ')
            {
                spaces++;
            }

            if (_pos + spaces == lineEnd)
            {
                if (spaces > contentIndent)
                {
                    return null;
                }

                blankLines++;
            }
            else if (spaces >= contentIndent)
            {
                if (_buffer.Length > 0)
                {
                    _buffer.Append('\n', blankLines + 1);
                }

                blankLines = 0;
                _buffer.Append(_text, _pos + contentIndent, lineEnd - _pos - contentIndent);
            }
            else
            {
                break;
            }

            NewLine(lineEnd + 1);
        }

        if (!strip)
        {
            _buffer.Append('\n');
        }

        return new ScalarView(position, _strings.Share(_buffer.ToString()), ScalarStyle.Block);
    }

    /// <summary>
    /// A value just parsed: a collection's node, or a scalar, never made into a node (mappings and sequences keep
    /// their scalars inline).
    /// </summary>
    private readonly struct ParsedValue
    {
        private readonly SourceNode? _collection;
        private readonly ScalarView _scalar;

        public ParsedValue(SourceNode collection) => _collection = collection;

        public ParsedValue(ScalarView scalar) => _scalar = scalar;

        /// <summary>Adds the value to the items of the sequence being built (a scalar inline, as an entry keeps it).</summary>
        public void AddTo(NodeStacks stacks)
        {
            if (_collection is not null)
            {
                stacks.AddItem(_collection);
            }
            else
            {
                stacks.AddItem(_scalar);
            }
        }

        public MappingEntry Entry(string key, SourcePosition keyPosition, ScalarStyle keyStyle) =>
            _collection is not null ? new MappingEntry(key, keyPosition, keyStyle, _collection) : new MappingEntry(key, keyPosition, keyStyle, _scalar);
    }
}
