using Hostnet.Core.Documents;

namespace Hostnet.Core.Loading;

/// <summary>
/// Recognises a Helm chart's template given as input: YAML that does not parse and holds <c>{{ … }}</c> actions.
/// Only unparseable text is judged so: <c>{{ $labels.instance }}</c> in a string (an alert's annotation) is valid YAML.
/// </summary>
internal static class HelmTemplateMarker
{
    public const string Message = "this looks like an unrendered Helm template ({{ … }}): run helm template first and check its output";

    /// <summary>The position of the first <c>{{</c> that a <c>}}</c> closes on the same line; null when there is none.</summary>
    public static SourcePosition? Find(DocumentChunk chunk)
    {
        var text = chunk.Source.AsSpan(chunk.Start, chunk.Length);
        var line = chunk.FirstLine;
        while (!text.IsEmpty)
        {
            var end = text.IndexOf('\n');
            var current = end < 0 ? text : text[..end];
            var open = current.IndexOf("{{", StringComparison.Ordinal);
            if (open >= 0 && current[(open + 2)..].Contains("}}", StringComparison.Ordinal))
            {
                return new SourcePosition(line, open + 1);
            }

            text = end < 0 ? [] : text[(end + 1)..];
            line++;
        }

        return null;
    }
}
