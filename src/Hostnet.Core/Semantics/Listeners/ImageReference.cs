namespace Hostnet.Core.Semantics.Listeners;

/// <summary>A container image reference reduced to what identifies the software: repository path and tag.</summary>
/// <param name="Repository">The path without registry, lowercased, with Docker Hub's <c>library/</c> removed: <c>nginx</c>, <c>prometheus/node-exporter</c>.</param>
/// <param name="Tag">The tag, or "" (a digest is dropped).</param>
public sealed record ImageReference(string Repository, string Tag)
{
    /// <summary>
    /// Splits a reference as Docker normalises it: the first component is a registry when it has a dot or a port,
    /// or is <c>localhost</c> (distribution/reference, splitDockerDomain).
    /// </summary>
    public static ImageReference Parse(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var text = image.Trim();
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            text = text[..at];
        }

        var tag = string.Empty;
        var colon = text.LastIndexOf(':');
        if (colon > text.LastIndexOf('/'))
        {
            tag = text[(colon + 1)..];
            text = text[..colon];
        }

        var parts = text.ToLowerInvariant().Split('/');
        var start = parts.Length > 1 && (parts[0].Contains('.', StringComparison.Ordinal) || parts[0].Contains(':', StringComparison.Ordinal) || parts[0] == "localhost") ? 1 : 0;
        if (parts.Length - start > 1 && parts[start] == "library")
        {
            start++;
        }

        return new ImageReference(string.Join('/', parts[start..]), tag);
    }
}
