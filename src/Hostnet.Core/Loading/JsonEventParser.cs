using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlStyle = YamlDotNet.Core.ScalarStyle;

namespace Hostnet.Core.Loading;

/// <summary>
/// A fast reader for JSON objects and arrays (what the API server sends an admission webhook, and what
/// <c>kubectl get -o json</c> prints), giving exactly the events, values and positions YamlDotNet's
/// <see cref="Parser"/> gives for the same text: JSON is YAML, and a document must load the same either way.
/// Strict JSON only: on anything else (comments, bare words, tabs, CR, surrogates or other characters YAML treats
/// differently, deep nesting, very long keys) it gives up and the loader parses the text with YamlDotNet, so
/// errors and everything unusual keep YamlDotNet's behaviour. Events carry their start as their end too: only the
/// start is read, and a review's object is parsed on every request.
/// </summary>
internal sealed class JsonEventParser : IParser
{
    /// <summary>YamlDotNet's limit on an implicit key's length (it reports longer ones as errors).</summary>
    private const int MaxKeyLength = 1000;

    /// <summary>Deeper documents go to YamlDotNet, where the loader's depth limit reports them.</summary>
    private const int MaxDepth = 100;

    private readonly string _text;
    private readonly StringPool _strings;
    private readonly List<ParsingEvent> _events = [];
    private readonly StringBuilder _buffer = new();
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _next;

    private JsonEventParser(string text, StringPool strings)
    {
        _text = text;
        _strings = strings;
    }

    public ParsingEvent? Current { get; private set; }

    /// <summary>Whether the text starts like JSON (an object or array after leading blanks): worth trying.</summary>
    public static bool LooksLikeJson(ReadOnlySpan<char> text)
    {
        var start = text.IndexOfAnyExcept(' ', '\n');
        return start >= 0 && text[start] is '{' or '[';
    }

    /// <summary>A parser replaying the events of <paramref name="text"/>, or null when the text is not plain JSON.</summary>
    /// <param name="text">The text of one document.</param>
    /// <param name="strings">Where scalar texts are shared: a repeated key or value costs no new string.</param>
    public static JsonEventParser? TryParse(string text, StringPool strings)
    {
        var parser = new JsonEventParser(text, strings);
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

    private Mark MarkAt(int i) => new(i, _line, i - _lineStart + 1);

    private char CharAt(int i) => i < _text.Length ? _text[i] : '\0';

    private bool ParseStream()
    {
        _events.Add(new StreamStart(Mark.Empty, Mark.Empty));
        SkipBlanks();
        if (CharAt(_pos) is not ('{' or '['))
        {
            return false;
        }

        _events.Add(new DocumentStart(null, null, true, Mark.Empty, Mark.Empty));
        if (!ParseCollection())
        {
            return false;
        }

        SkipBlanks();
        if (_pos != _text.Length)
        {
            return false;
        }

        _events.Add(new DocumentEnd(true, Mark.Empty, Mark.Empty));
        _events.Add(new StreamEnd(Mark.Empty, Mark.Empty));
        Current = null;
        return true;
    }

    /// <summary>Spaces and LF line ends (tabs and CR go to YamlDotNet, which counts columns its own way for them).</summary>
    private void SkipBlanks()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n')
            {
                _line++;
                _lineStart = _pos + 1;
            }
            else if (c != ' ')
            {
                return;
            }

            _pos++;
        }
    }

    /// <summary>The object or array at <see cref="_pos"/>, nested ones included, without recursion.</summary>
    private bool ParseCollection()
    {
        // true: inside an object; false: inside an array.
        var open = new Stack<bool>();
        if (!Open(open))
        {
            return false;
        }

        var afterComma = false;
        while (open.Count > 0)
        {
            SkipBlanks();
            var inObject = open.Peek();
            var first = _events[^1] is MappingStart or SequenceStart;
            if (!afterComma && CharAt(_pos) == (inObject ? '}' : ']'))
            {
                Close(open, inObject);
                continue;
            }

            if (!first && !afterComma)
            {
                // After a value: a comma, then the next entry.
                if (CharAt(_pos) != ',')
                {
                    return false;
                }

                _pos++;
                afterComma = true;
                continue;
            }

            afterComma = false;
            if (inObject && !ParseKey())
            {
                return false;
            }

            if (CharAt(_pos) is '{' or '[')
            {
                if (!Open(open))
                {
                    return false;
                }
            }
            else if (!ParseScalar())
            {
                return false;
            }
        }

        return true;
    }

    private bool Open(Stack<bool> open)
    {
        if (open.Count >= MaxDepth)
        {
            return false;
        }

        var mark = MarkAt(_pos);
        var isObject = _text[_pos] == '{';
        _events.Add(isObject
            ? new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow, mark, mark)
            : new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow, mark, mark));
        open.Push(isObject);
        _pos++;
        return true;
    }

    private void Close(Stack<bool> open, bool isObject)
    {
        var mark = MarkAt(_pos);
        _events.Add(isObject ? new MappingEnd(mark, mark) : new SequenceEnd(mark, mark));
        open.Pop();
        _pos++;
    }

    /// <summary>A quoted key, on one line with its colon (YAML's implicit keys are one line), then the value's start.</summary>
    private bool ParseKey()
    {
        var start = _pos;
        var line = _line;
        if (CharAt(_pos) != '"' || !ParseString())
        {
            return false;
        }

        SkipBlanks();
        if (CharAt(_pos) != ':' || _line != line || _pos - start > MaxKeyLength)
        {
            return false;
        }

        _pos++;
        SkipBlanks();
        return true;
    }

    private bool ParseScalar()
    {
        var c = CharAt(_pos);
        if (c == '"')
        {
            return ParseString();
        }

        var start = _pos;
        if (c is '-' or (>= '0' and <= '9'))
        {
            while (CharAt(_pos) is '-' or '+' or '.' or 'e' or 'E' or (>= '0' and <= '9'))
            {
                _pos++;
            }

            return IsNumber(_text.AsSpan(start, _pos - start)) && EndsPlain() && AddPlain(start);
        }

        foreach (var word in (ReadOnlySpan<string>)["true", "false", "null"])
        {
            if (_text.AsSpan(_pos).StartsWith(word, StringComparison.Ordinal))
            {
                _pos += word.Length;
                return EndsPlain() && AddPlain(start);
            }
        }

        return false;
    }

    /// <summary>JSON's number grammar: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?.</summary>
    private static bool IsNumber(ReadOnlySpan<char> token)
    {
        var i = 0;
        if (i < token.Length && token[i] == '-')
        {
            i++;
        }

        if (i < token.Length && token[i] == '0')
        {
            i++;
        }
        else if (!Digits(token, ref i))
        {
            return false;
        }

        if (i < token.Length && token[i] == '.')
        {
            i++;
            if (!Digits(token, ref i))
            {
                return false;
            }
        }

        if (i < token.Length && token[i] is 'e' or 'E')
        {
            i++;
            if (i < token.Length && token[i] is '+' or '-')
            {
                i++;
            }

            if (!Digits(token, ref i))
            {
                return false;
            }
        }

        return i == token.Length;
    }

    private static bool Digits(ReadOnlySpan<char> token, ref int i)
    {
        var start = i;
        while (i < token.Length && char.IsAsciiDigit(token[i]))
        {
            i++;
        }

        return i > start;
    }

    /// <summary>A number or literal must be followed by a blank or what ends a value, as in YAML's flow context.</summary>
    private bool EndsPlain() => CharAt(_pos) is ' ' or '\n' or ',' or '}' or ']';

    private bool AddPlain(int start)
    {
        var mark = MarkAt(start);
        _events.Add(new Scalar(AnchorName.Empty, TagName.Empty, _strings.Share(_text.AsSpan(start, _pos - start)), YamlStyle.Plain, true, false, mark, mark));
        return true;
    }

    /// <summary>A double-quoted string with JSON's escapes, which YAML's double-quoted scalars share.</summary>
    private bool ParseString()
    {
        var start = _pos++;
        var escaped = false;
        while (true)
        {
            var c = CharAt(_pos);
            if (c == '"')
            {
                break;
            }

            if (c == '\\')
            {
                escaped = true;
                _pos += 2;
                continue;
            }

            // Control characters end the input or are not JSON; the others are ones YAML reads differently
            // (line separators, the byte order mark, characters outside the BMP, non-printables).
            if (c < ' ' || c is (>= '\u007f' and < '\u00a0') or '\u2028' or '\u2029' or '\ufeff' || c >= '\ud800')
            {
                return false;
            }

            _pos++;
        }

        var content = _text.AsSpan(start + 1, _pos - start - 1);
        string value;
        if (!escaped)
        {
            value = _strings.Share(content);
        }
        else if (Unescape(content) is { } unescaped)
        {
            value = unescaped;
        }
        else
        {
            return false;
        }

        _pos++;
        var mark = MarkAt(start);
        _events.Add(new Scalar(AnchorName.Empty, TagName.Empty, value, YamlStyle.DoubleQuoted, false, true, mark, mark));
        return true;
    }

    /// <summary>JSON's escapes decoded; null for anything else, or an escape that YAML might decode differently.</summary>
    private string? Unescape(ReadOnlySpan<char> content)
    {
        _buffer.Clear();
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (c != '\\')
            {
                _buffer.Append(c);
                continue;
            }

            if (++i >= content.Length)
            {
                return null;
            }

            switch (content[i])
            {
                case '"' or '\\' or '/':
                    _buffer.Append(content[i]);
                    break;
                case 'b':
                    _buffer.Append('\b');
                    break;
                case 'f':
                    _buffer.Append('\f');
                    break;
                case 'n':
                    _buffer.Append('\n');
                    break;
                case 'r':
                    _buffer.Append('\r');
                    break;
                case 't':
                    _buffer.Append('\t');
                    break;
                case 'u' when i + 4 < content.Length
                    && ushort.TryParse(content.Slice(i + 1, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code)
                    && code is not (>= 0xd800 and <= 0xdfff):
                    _buffer.Append((char)code);
                    i += 4;
                    break;
                default:
                    return null;
            }
        }

        return _buffer.ToString();
    }
}
