using System.Globalization;
using Hostnet.Core.Documents;

namespace Hostnet.Core.Loading;

/// <summary>
/// Finds where a field path (as Kubernetes writes it: <c>spec.containers[0].ports[1].hostPort</c>,
/// <c>metadata.labels[app.kubernetes.io/name]</c>) stands in a document. A missing field falls back to its
/// nearest present parent, so every finding gets the most specific position there is.
/// </summary>
internal static class FieldLocator
{
    public static SourcePosition Locate(ManifestDocument document, string? path)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrEmpty(path))
        {
            return document.KindPosition;
        }

        SourceNode current = document.Root;
        SourcePosition? best = null;
        foreach (var segment in Segments(path))
        {
            var next = Step(current, segment, out var keyPosition, out var scalar);
            if (scalar is { } value)
            {
                // A scalar is pointed at by its value, and ends the walk.
                best = value.Position;
                break;
            }

            if (next is null)
            {
                break;
            }

            // A scalar is pointed at by its value; a collection by its key, since block collections start on the next line.
            best = next is SourceScalar || keyPosition is null ? next.Position : keyPosition;
            current = next;
        }

        return best ?? document.KindPosition;
    }

    /// <summary>The node <paramref name="segment"/> leads to from <paramref name="current"/>; a mapping's scalar value, kept inline, comes as <paramref name="scalar"/> instead.</summary>
    private static SourceNode? Step(SourceNode current, string segment, out SourcePosition? keyPosition, out ScalarView? scalar)
    {
        (keyPosition, scalar) = (null, null);
        if (current is SourceSequence sequence)
        {
            return int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sequence.Count
                ? sequence[index]
                : null;
        }

        if (current is SourceMapping mapping && mapping.TryGetEntry(segment, out var entry))
        {
            if (entry.TryGetScalar(out var value))
            {
                scalar = value;
                return null;
            }

            keyPosition = entry.KeyPosition;
            return entry.CollectionValue;
        }

        return null;
    }

    /// <summary>Splits <c>a.b[0].c[key.with.dots]</c> into <c>a</c>, <c>b</c>, <c>0</c>, <c>c</c>, <c>key.with.dots</c>.</summary>
    internal static IEnumerable<string> Segments(string path)
    {
        var start = 0;
        var i = 0;
        while (i < path.Length)
        {
            var c = path[i];
            if (c == '.')
            {
                if (i > start)
                {
                    yield return path[start..i];
                }

                start = ++i;
            }
            else if (c == '[')
            {
                if (i > start)
                {
                    yield return path[start..i];
                }

                var close = path.IndexOf(']', i);
                if (close < 0)
                {
                    yield return path[(i + 1)..];
                    yield break;
                }

                yield return path[(i + 1)..close];
                i = close + 1;
                start = i;
            }
            else
            {
                i++;
            }
        }

        if (start < path.Length)
        {
            yield return path[start..];
        }
    }
}
