using System.Globalization;
using Hostnet.Core.Documents;

namespace Hostnet.Core.Loading;

/// <summary>
/// Finds where a JSON stream breaks Go's JSON grammar, with the words Go's decoder uses there. Kubernetes decodes a
/// stream that starts with <c>{</c> as JSON (k8s.io/apimachinery/pkg/util/yaml/decoder.go, v1.35:
/// <c>YAMLOrJSONDecoder.Decode</c>) with encoding/json's <c>Decoder</c>: kubectl then prints
/// <c>error parsing FILE: unexpected EOF</c> for a truncated object and
/// <c>error parsing FILE: json: offset N: invalid character '"' after object key:value pair</c> for a malformed one,
/// <c>invalid character '}' looking for beginning of object key string</c> for a trailing comma (the messages of
/// encoding/json's scanner.go and stream.go). hostnet gives a line and column instead of the offset
/// and, for a truncated stream, the bracket left open.
/// </summary>
/// <remarks>
/// Which error Kubernetes gives, and whether it gives one, follows its decoder (<see cref="IsFinal"/>): a YAML flow
/// mapping with plain keys at the start of a file (<c>{apiVersion: v1, …}</c>), or a single JSON object YAML can read
/// (a trailing comma), is read as YAML, as kubectl v1.33 and later read it.
/// </remarks>
internal static class JsonSyntaxCheck
{
    /// <summary>
    /// Whether Kubernetes reads the text as JSON first: its first character after white space (Go's unicode.IsSpace) is
    /// <c>{</c> (decoder.go: <c>GuessJSONStream</c>, <c>hasPrefix</c>).
    /// </summary>
    public static bool IsJsonStream(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c == '{';
            }
        }

        return false;
    }

    /// <summary>The first syntax error of the chunk's JSON values (one after another, as Go's Decoder reads a stream); null when there is none.</summary>
    public static InputProblem? Find(DocumentChunk chunk, string path) => Find(chunk, path, out _);

    /// <inheritdoc cref="Find(DocumentChunk, string)"/>
    /// <param name="chunk">The text to read.</param>
    /// <param name="path">The file, for the problem.</param>
    /// <param name="valuesBefore">How many values of the stream Go's Decoder read whole before the broken one.</param>
    public static InputProblem? Find(DocumentChunk chunk, string path, out int valuesBefore)
    {
        var text = chunk.Source.AsSpan(chunk.Start, chunk.Length);
        var scanner = new Scanner(text);
        var error = scanner.Run();
        valuesBefore = scanner.Values;
        if (error is null)
        {
            return null;
        }

        var (at, message) = error.Value;
        return new InputProblem(path, PositionOf(chunk, text[..at]), "JSON syntax error: " + message);
    }

    /// <summary>
    /// Whether Kubernetes stands by the JSON error of a JSON stream, <paramref name="valuesBefore"/> values into it.
    /// Since v1.33 its decoder (k8s.io/apimachinery/pkg/util/yaml/decoder.go, v1.35: <c>YAMLOrJSONDecoder.Decode</c>,
    /// kubernetes/kubernetes#130666) reads a stream that starts with <c>{</c> as JSON until a value fails; when that is
    /// the first or second value (<c>d.count &lt;= 1</c>) it reads the rest as YAML instead and gives the JSON error
    /// only if YAML cannot read it either. From the third value on the stream is JSON for good: the JSON error stands.
    /// </summary>
    public static bool IsFinal(int valuesBefore) => valuesBefore >= 2;

    /// <summary>The position just after <paramref name="before"/>, the chunk's text up to it.</summary>
    private static SourcePosition PositionOf(DocumentChunk chunk, ReadOnlySpan<char> before)
    {
        var lineStart = before.LastIndexOf('\n') + 1;
        return new SourcePosition(chunk.FirstLine + before.Count('\n'), before.Length - lineStart + 1);
    }

    /// <summary>encoding/json's quoteChar: the character in single quotes, escaped as strconv.Quote escapes it.</summary>
    private static string Quote(char c) => c switch
    {
        '\'' => @"'\''",
        '"' => "'\"'",
        '\\' => @"'\\'",
        '\a' => @"'\a'",
        '\b' => @"'\b'",
        '\f' => @"'\f'",
        '\n' => @"'\n'",
        '\r' => @"'\r'",
        '\t' => @"'\t'",
        '\v' => @"'\v'",
        < ' ' or '\x7f' => @"'\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture) + "'",
        _ => $"'{c}'",
    };

    /// <summary>A recursive-descent reading of Go's scanner states, stopping at the first error.</summary>
    private ref struct Scanner(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _at;

        /// <summary>How many values were read whole so far.</summary>
        public int Values { get; private set; }

        /// <summary>Where the error is (the offending character, or for an early end the bracket or quote left open) and what Go says.</summary>
        public (int At, string Message)? Run()
        {
            // Go's Decoder reads one value after another, white space between.
            while (SkipSpace() < _text.Length)
            {
                if (Value() is { } error)
                {
                    return error;
                }

                Values++;
            }

            return null;
        }

        /// <summary>JSON's white space (scanner.go isSpace): space, tab, LF, CR.</summary>
        private int SkipSpace()
        {
            while (_at < _text.Length && _text[_at] is ' ' or '\t' or '\n' or '\r')
            {
                _at++;
            }

            return _at;
        }

        private readonly (int, string) Invalid(string context) => (_at, $"invalid character {Quote(_text[_at])} {context}");

        private static (int, string) Truncated(int opened, string what) => (opened, $"unexpected EOF: the input ends inside the {what} opened here");

        private (int At, string Message)? Value()
        {
            if (SkipSpace() == _text.Length)
            {
                return null;
            }

            return _text[_at] switch
            {
                '{' => Object(),
                '[' => Array(),
                '"' => String(),
                '-' or (>= '0' and <= '9') => Number(),
                't' => Literal("true"),
                'f' => Literal("false"),
                'n' => Literal("null"),
                _ => Invalid("looking for beginning of value"),
            };
        }

        private (int, string)? Object()
        {
            var opened = _at++;
            if (Closes('}'))
            {
                return null;
            }

            (int, string)? error;
            do
            {
                if (SkipSpace() == _text.Length)
                {
                    return Truncated(opened, "{");
                }

                if (_text[_at] != '"')
                {
                    return Invalid("looking for beginning of object key string");
                }

                if (String() is { } badKey)
                {
                    return badKey;
                }

                if (SkipSpace() == _text.Length)
                {
                    return Truncated(opened, "{");
                }

                if (_text[_at] != ':')
                {
                    return Invalid("after object key");
                }

                _at++;
                if (Item(opened, "{") is { } badValue)
                {
                    return badValue;
                }
            }
            while (Separator(opened, "{", '}', "after object key:value pair", out error));
            return error;
        }

        private (int, string)? Array()
        {
            var opened = _at++;
            if (Closes(']'))
            {
                return null;
            }

            (int, string)? error;
            do
            {
                if (Item(opened, "[") is { } badItem)
                {
                    return badItem;
                }
            }
            while (Separator(opened, "[", ']', "after array element", out error));
            return error;
        }

        /// <summary>Whether the collection just opened is empty: its closing bracket comes first (and is passed).</summary>
        private bool Closes(char closing)
        {
            if (SkipSpace() < _text.Length && _text[_at] == closing)
            {
                _at++;
                return true;
            }

            return false;
        }

        /// <summary>A value of the collection opened at <paramref name="opened"/>, which the end of the text leaves open.</summary>
        private (int, string)? Item(int opened, string what) =>
            SkipSpace() == _text.Length ? Truncated(opened, what) : Value();

        /// <summary>After an item: a comma (true: another follows), the closing bracket (false, no error) or an error.</summary>
        private bool Separator(int opened, string what, char closing, string context, out (int, string)? error)
        {
            error = null;
            if (SkipSpace() == _text.Length)
            {
                error = Truncated(opened, what);
                return false;
            }

            var c = _text[_at];
            if (c != ',' && c != closing)
            {
                error = Invalid(context);
                return false;
            }

            _at++;
            return c == ',';
        }

        private (int, string)? String()
        {
            var opened = _at++;
            while (_at < _text.Length)
            {
                var c = _text[_at];
                if (c == '"')
                {
                    _at++;
                    return null;
                }

                if (c < ' ')
                {
                    return Invalid("in string literal");
                }

                if (c == '\\')
                {
                    if (++_at == _text.Length)
                    {
                        break;
                    }

                    if (_text[_at] == 'u')
                    {
                        for (var k = 0; k < 4; k++)
                        {
                            if (++_at == _text.Length)
                            {
                                return Truncated(opened, "string");
                            }

                            if (!char.IsAsciiHexDigit(_text[_at]))
                            {
                                return Invalid(@"in \u hexadecimal character escape");
                            }
                        }
                    }
                    else if (_text[_at] is not ('b' or 'f' or 'n' or 'r' or 't' or '\\' or '/' or '"'))
                    {
                        return Invalid("in string escape code");
                    }
                }

                _at++;
            }

            return Truncated(opened, "string");
        }

        /// <summary>A number ends at the first character that cannot continue it; what follows is the caller's to judge.</summary>
        private (int, string)? Number()
        {
            (int, string)? error;
            if (_text[_at] == '-' && !Digit(++_at, "in numeric literal", out error))
            {
                return error;
            }

            if (_text[_at] == '0')
            {
                _at++;
            }
            else
            {
                SkipDigits();
            }

            if (_at < _text.Length && _text[_at] == '.')
            {
                if (!Digit(++_at, "after decimal point in numeric literal", out error))
                {
                    return error;
                }

                SkipDigits();
            }

            if (_at < _text.Length && _text[_at] is 'e' or 'E')
            {
                if (++_at < _text.Length && _text[_at] is '+' or '-')
                {
                    _at++;
                }

                if (!Digit(_at, "in exponent of numeric literal", out error))
                {
                    return error;
                }

                SkipDigits();
            }

            return null;
        }

        /// <summary>Whether a digit is at <paramref name="at"/> (the current position), as the grammar requires there.</summary>
        private readonly bool Digit(int at, string context, out (int, string)? error)
        {
            error = at == _text.Length ? (at, "unexpected EOF") : char.IsAsciiDigit(_text[at]) ? null : Invalid(context);
            return error is null;
        }

        private void SkipDigits()
        {
            while (_at < _text.Length && char.IsAsciiDigit(_text[_at]))
            {
                _at++;
            }
        }

        private (int, string)? Literal(string word)
        {
            for (var k = 0; k < word.Length; k++, _at++)
            {
                if (_at == _text.Length)
                {
                    return (_at, "unexpected EOF");
                }

                if (_text[_at] != word[k])
                {
                    return Invalid($"in literal {word} (expecting {Quote(word[k])})");
                }
            }

            return null;
        }
    }
}
