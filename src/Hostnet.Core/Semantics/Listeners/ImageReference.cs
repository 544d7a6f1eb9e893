namespace Hostnet.Core.Semantics.Listeners;

/// <summary>A container image reference reduced to what identifies the software: repository path and tag.</summary>
/// <param name="Repository">The path without registry, lowercased, with Docker Hub's <c>library/</c> removed: <c>nginx</c>, <c>prometheus/node-exporter</c>.</param>
/// <param name="Tag">The tag, or "" (a digest is dropped).</param>
internal sealed record ImageReference(string Repository, string Tag)
{
    /// <summary>
    /// Splits a reference as Docker normalises it: the first component is a registry when it has a dot or a port,
    /// or is <c>localhost</c> (distribution/reference, splitDockerDomain).
    /// </summary>
    public static ImageReference Parse(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var text = image.AsSpan().Trim();
        var at = text.IndexOf('@');
        if (at >= 0)
        {
            text = text[..at];
        }

        var tag = ReadOnlySpan<char>.Empty;
        var colon = text.LastIndexOf(':');
        if (colon > text.LastIndexOf('/'))
        {
            tag = text[(colon + 1)..];
            text = text[..colon];
        }

        var slash = text.IndexOf('/');
        if (slash > 0 && (text[..slash].ContainsAny('.', ':') || text[..slash].SequenceEqual("localhost")))
        {
            text = text[(slash + 1)..];
        }

        if (text.StartsWith("library/", StringComparison.Ordinal) && text.Length > "library/".Length)
        {
            text = text["library/".Length..];
        }

        var repository = text.ContainsAnyInRange('A', 'Z') ? text.ToString().ToLowerInvariant() : text.ToString();
        return new ImageReference(repository, tag.ToString());
    }
}
