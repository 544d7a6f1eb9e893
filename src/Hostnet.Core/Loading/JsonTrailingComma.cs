using Hostnet.Core.Documents;

namespace Hostnet.Core.Loading;

/// <summary>
/// A comma before <c>}</c> or <c>]</c> in a JSON file. YAML allows it in flow collections, so YamlDotNet reads it, but
/// Kubernetes decodes a stream that starts with <c>{</c> as JSON (k8s.io/apimachinery/pkg/util/yaml/decoder.go, v1.35:
/// <c>NewYAMLOrJSONDecoder</c>, <c>hasJSONPrefix</c>) with Go's encoding/json (kubectl; the API server with
/// sigs.k8s.io/json, which shares its scanner), and that rejects it: kubectl prints
/// <c>error parsing FILE: invalid character '}' looking for beginning of object key string</c>.
/// </summary>
internal static class JsonTrailingComma
{
    /// <summary>Whether Kubernetes reads the text as JSON: its first character after white space (Go's unicode.IsSpace) is <c>{</c>.</summary>
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

    /// <summary>The first trailing comma of the chunk, outside strings, with what Go's decoder says there; null when there is none.</summary>
    public static InputProblem? Find(DocumentChunk chunk, string path)
    {
        var text = chunk.Source.AsSpan(chunk.Start, chunk.Length);
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (c == '"')
            {
                inString = true;
            }
            else if (c == ',')
            {
                // JSON's white space (encoding/json scanner.go isSpace): space, tab, LF, CR.
                var next = text[(i + 1)..].IndexOfAnyExcept(" \t\n\r");
                if (next >= 0 && text[i + 1 + next] is '}' or ']')
                {
                    var closing = text[i + 1 + next];
                    var expected = closing == '}' ? "object key string" : "value";
                    return new InputProblem(
                        path,
                        PositionOf(chunk, text[..i]),
                        $"JSON syntax error: trailing comma before '{closing}': Kubernetes decodes JSON with Go's encoding/json, which rejects it (invalid character '{closing}' looking for beginning of {expected})");
                }
            }
        }

        return null;
    }

    /// <summary>The position just after <paramref name="before"/>, the chunk's text up to it (JsonSyntaxCheck's too).</summary>
    internal static SourcePosition PositionOf(DocumentChunk chunk, ReadOnlySpan<char> before)
    {
        var lineStart = before.LastIndexOf('\n') + 1;
        return new SourcePosition(chunk.FirstLine + before.Count('\n'), before.Length - lineStart + 1);
    }
}
