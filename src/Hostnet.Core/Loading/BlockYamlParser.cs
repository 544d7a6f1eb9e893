using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlStyle = YamlDotNet.Core.ScalarStyle;

namespace Hostnet.Core.Loading;

/// <summary>
/// A fast reader for the YAML that manifests are made of (block mappings and sequences, one-line plain and quoted
/// scalars, one-line flow collections of scalars, <c>|</c> literal blocks), giving exactly the events, values and
/// positions YamlDotNet's <see cref="Parser"/> gives for the same text. YamlDotNet's scanner reads a character at
/// a time through a look-ahead buffer and allocates a token per item, which makes it most of a check's time; this
/// reads the text in place. It does not try to be a YAML parser: on anything outside that subset (anchors, tags,
/// multi-line scalars, folded blocks, tabs, CR, unusual characters, anything that might be an error) it gives up,
/// and the loader parses the text with YamlDotNet, so errors and rare syntax keep YamlDotNet's behaviour.
/// </summary>
internal sealed class BlockYamlParser : IParser
{
    /// <summary>YamlDotNet's limit on an implicit key's length (it reports longer ones as errors).</summary>
    private const int MaxKeyLength = 1000;

    private readonly string _text;
    private readonly StringPool _strings;
    private readonly List<ParsingEvent> _events = [];
    private readonly StringBuilder _buffer = new();
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _next;

    private BlockYamlParser(string text, StringPool strings)
    {
        _text = text;
        _strings = strings;
    }

    public ParsingEvent? Current { get; private set; }

    /// <summary>A parser replaying the events of <paramref name="text"/>, or null when the text is outside the subset.</summary>
    /// <param name="text">The text of one document (or a stream).</param>
    /// <param name="strings">Where scalar texts are shared: a repeated key or value costs no new string.</param>
    public static BlockYamlParser? TryParse(string text, StringPool strings)
    {
        if (!IsPlainText(text))
        {
            return null;
        }

        var parser = new BlockYamlParser(text, strings);
        return parser.ParseStream() ? parser : null;
    }

    public bool MoveNext()
    {
        if (_next >= _events.Count)
        {
            Current = null;
            return false;
        }

        Current = _events[_next++];
        return true;
    }

    /// <summary>Printable characters, LF line ends, no tabs: YamlDotNet counts columns the same way for these.</summary>
    private static bool IsPlainText(string text)
    {
        var span = text.AsSpan();
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

    private bool ParseStream()
    {
        _events.Add(new StreamStart(Mark.Empty, Mark.Empty));
        var explicitStart = false;
        var indent = PeekIndent(allowMarker: true);
        if (indent == 0 && At(_pos, "---"))
        {
            explicitStart = true;
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
            _events.Add(new DocumentStart(null, null, !explicitStart, Mark.Empty, Mark.Empty));
            var start = _lineStart + indent;
            var parsed = IsSequenceEntry(start) ? ParseSequence(indent)
                : KeyEnd(start) >= 0 && ParseMapping(indent, start);
            if (!parsed || PeekIndent(allowMarker: false) != -1)
            {
                return false;
            }

            _events.Add(new DocumentEnd(true, Mark.Empty, Mark.Empty));
        }

        _events.Add(new StreamEnd(Mark.Empty, Mark.Empty));
        return true;
    }

    /// <summary>
    /// Moves to the next line with content (skipping blank and comment lines) and returns its indentation;
    /// -1 at the end of the text, -2 for a document marker (<c>---</c>, <c>...</c>) unless <paramref name="allowMarker"/>.
    /// </summary>
    private int PeekIndent(bool allowMarker)
    {
        while (_pos < _text.Length)
        {
            var i = _pos;
            while (i < _text.Length && _text[i] == ' ')
            {
                i++;
            }

            if (i == _text.Length)
            {
                _pos = i;
                return -1;
            }

            if (_text[i] is '\n' or '#')
            {
                var end = _text.IndexOf('\n', i);
                if (end < 0)
                {
                    _pos = _text.Length;
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

    private bool At(int i, string marker) => string.CompareOrdinal(_text, i, marker, 0, marker.Length) == 0;

    private char CharAt(int i) => i < _text.Length ? _text[i] : '\n';

    private Mark MarkAt(int i) => new(i, _line, i - _lineStart + 1);

    /// <summary>The rest of the line from <paramref name="i"/> must be blank or a comment; moves to the next line.</summary>
    private bool EndLine(int i)
    {
        var start = i;
        while (CharAt(i) == ' ')
        {
            i++;
        }

        if (i < _text.Length && _text[i] != '\n')
        {
            if (_text[i] != '#' || (i == start && i > 0 && _text[i - 1] != ' '))
            {
                return false;
            }

            i = _text.IndexOf('\n', i);
            if (i < 0)
            {
                i = _text.Length;
            }
        }

        if (i >= _text.Length)
        {
            _pos = _text.Length;
            return true;
        }

        NewLine(i + 1);
        return true;
    }

    private bool IsSequenceEntry(int i) => CharAt(i) == '-' && CharAt(i + 1) is ' ' or '\n';

    /// <summary>A block mapping whose first key starts at <paramref name="keyStart"/>, its keys at <paramref name="indent"/>.</summary>
    private bool ParseMapping(int indent, int keyStart)
    {
        _events.Add(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, MarkAt(keyStart), MarkAt(keyStart)));
        while (true)
        {
            var colon = KeyEnd(keyStart, out var keyEnd);
            if (colon < 0 || !AddScalarAt(keyStart, keyEnd, flow: false))
            {
                return false;
            }

            if (!ParseValue(colon + 1, indent))
            {
                return false;
            }

            var next = PeekIndent(allowMarker: false);
            if (next < indent)
            {
                break;
            }

            if (next > indent)
            {
                return false;
            }

            keyStart = _lineStart + indent;
        }

        _events.Add(new MappingEnd(MarkAt(_pos), MarkAt(_pos)));
        return true;
    }

    /// <summary>A block sequence whose dashes are at <paramref name="indent"/> (the current line is its first entry).</summary>
    private bool ParseSequence(int indent)
    {
        _events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block, MarkAt(_lineStart + indent), MarkAt(_lineStart + indent)));
        while (true)
        {
            var dash = _lineStart + indent;
            var i = SkipSpaces(dash + 1);
            bool parsed;
            if (IsLineEnd(i, dash + 1))
            {
                var empty = MarkAt(dash + 1);
                parsed = EndLine(i) && ParseNextLines(indent, indentless: false, empty);
            }
            else if (IsSequenceEntry(i))
            {
                return false;
            }
            else if (KeyEnd(i) >= 0)
            {
                parsed = ParseMapping(i - _lineStart, i);
            }
            else
            {
                parsed = ParseInline(i, indent);
            }

            if (!parsed)
            {
                return false;
            }

            var next = PeekIndent(allowMarker: false);
            if (next > indent)
            {
                return false;
            }

            if (next < indent || !IsSequenceEntry(_lineStart + indent))
            {
                break;
            }
        }

        _events.Add(new SequenceEnd(MarkAt(_pos), MarkAt(_pos)));
        return true;
    }

    /// <summary>A mapping value, from just after its <c>:</c>.</summary>
    private bool ParseValue(int afterColon, int indent)
    {
        var i = SkipSpaces(afterColon);
        if (IsLineEnd(i, afterColon))
        {
            var empty = MarkAt(afterColon);
            return EndLine(i) && ParseNextLines(indent, indentless: true, empty);
        }

        return ParseInline(i, indent);
    }

    /// <summary>A value on the lines below its key or dash: a nested collection, or an empty (null) scalar.</summary>
    private bool ParseNextLines(int indent, bool indentless, Mark empty)
    {
        var next = PeekIndent(allowMarker: false);
        if (next == -2)
        {
            return false;
        }

        var start = _lineStart + next;
        if (next > indent || (indentless && next == indent && IsSequenceEntry(start)))
        {
            return IsSequenceEntry(start) ? ParseSequence(next) : KeyEnd(start) >= 0 && ParseMapping(next, start);
        }

        _events.Add(new Scalar(AnchorName.Empty, TagName.Empty, string.Empty, YamlStyle.Plain, true, false, empty, empty));
        return true;
    }

    /// <summary>A value that starts on the current line at <paramref name="i"/>.</summary>
    private bool ParseInline(int i, int indent)
    {
        switch (_text[i])
        {
            case '|':
                return ParseLiteral(i, indent);
            case '[':
            case '{':
                var end = ParseFlow(i);
                return end >= 0 && EndLine(end);
            default:
                var scalarEnd = ScalarEnd(i, flow: false);
                return scalarEnd >= 0 && CharAt(scalarEnd) != ':' && AddScalarAt(i, scalarEnd, flow: false) && EndLine(scalarEnd);
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
            for (var j = i + 1; j < _text.Length && _text[j] != '\n'; j++)
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
            for (var j = i + 1; j < _text.Length && _text[j] != '\n'; j++)
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
        while (k < _text.Length)
        {
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

    /// <summary>Adds the scalar from <paramref name="i"/> to <paramref name="end"/> (as <see cref="ScalarEnd"/> gave).</summary>
    private bool AddScalarAt(int i, int end, bool flow)
    {
        var c = _text[i];
        string value;
        YamlStyle style;
        if (c == '\'')
        {
            style = YamlStyle.SingleQuoted;
            var quoted = _text.AsSpan(i + 1, end - i - 2);
            value = quoted.Contains('\'') ? quoted.ToString().Replace("''", "'", StringComparison.Ordinal) : _strings.Share(quoted);
        }
        else if (c == '"')
        {
            style = YamlStyle.DoubleQuoted;
            value = Unescape(i + 1, end - 1);
        }
        else
        {
            if (flow && end > i && _text.AsSpan(i, end - i).Contains(" #", StringComparison.Ordinal))
            {
                return false;
            }

            style = YamlStyle.Plain;
            value = _strings.Share(_text.AsSpan(i, end - i));
        }

        var mark = MarkAt(i);
        _events.Add(new Scalar(AnchorName.Empty, TagName.Empty, value, style, style == YamlStyle.Plain, style != YamlStyle.Plain, mark, MarkAt(end)));
        return true;
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

        return _buffer.ToString();
    }

    /// <summary>A one-line flow sequence or mapping of scalars at <paramref name="i"/>; returns the index after it, or -1.</summary>
    private int ParseFlow(int i)
    {
        var mapping = _text[i] == '{';
        var close = mapping ? '}' : ']';
        var mark = MarkAt(i);
        _events.Add(mapping
            ? new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow, mark, mark)
            : new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow, mark, mark));
        var j = SkipSpaces(i + 1);
        if (CharAt(j) != close)
        {
            while (true)
            {
                if (!FlowScalar(ref j))
                {
                    return -1;
                }

                if (mapping)
                {
                    if (CharAt(j) != ':' || CharAt(j + 1) != ' ')
                    {
                        return -1;
                    }

                    j = SkipSpaces(j + 1);
                    if (!FlowScalar(ref j))
                    {
                        return -1;
                    }
                }

                if (CharAt(j) == close)
                {
                    break;
                }

                if (CharAt(j) != ',')
                {
                    return -1;
                }

                j = SkipSpaces(j + 1);
                if (CharAt(j) == close)
                {
                    return -1;
                }
            }
        }

        var end = MarkAt(j + 1);
        _events.Add(mapping ? new MappingEnd(end, end) : new SequenceEnd(end, end));
        return j + 1;
    }

    /// <summary>A scalar inside a flow collection at <paramref name="j"/>; moves <paramref name="j"/> past it and following spaces.</summary>
    private bool FlowScalar(ref int j)
    {
        var end = ScalarEnd(j, flow: true);
        if (end < 0 || end == j || !AddScalarAt(j, end, flow: true))
        {
            return false;
        }

        j = SkipSpaces(end);
        return true;
    }

    /// <summary>
    /// A <c>|</c> or <c>|-</c> literal block at <paramref name="i"/> inside a collection indented <paramref name="indent"/>.
    /// Only the plain case: content indented more than the collection, no leading blank lines, no
    /// whitespace-only lines longer than the content's indentation, a line end after the last content line.
    /// </summary>
    private bool ParseLiteral(int i, int indent)
    {
        var mark = MarkAt(i);
        var strip = CharAt(i + 1) == '-';
        if (!EndLine(strip ? i + 2 : i + 1) || _pos >= _text.Length)
        {
            return false;
        }

        var contentIndent = 0;
        while (CharAt(_pos + contentIndent) == ' ')
        {
            contentIndent++;
        }

        if (contentIndent <= indent || CharAt(_pos + contentIndent) == '\n')
        {
            return false;
        }

        _buffer.Clear();
        var blankLines = 0;
        while (_pos < _text.Length)
        {
            var lineEnd = _text.IndexOf('\n', _pos);
            if (lineEnd < 0)
            {
                return false;
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
                    return false;
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

        _events.Add(new Scalar(AnchorName.Empty, TagName.Empty, _buffer.ToString(), YamlStyle.Literal, false, true, mark, mark));
        return true;
    }
}
