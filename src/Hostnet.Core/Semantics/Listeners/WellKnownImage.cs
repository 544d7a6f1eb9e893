namespace Hostnet.Core.Semantics.Listeners;

/// <summary>An entry of Data/well-known-image-ports.yaml (the file explains each field).</summary>
/// <param name="Repositories">Repository paths without registry and tag: <c>nginx</c>, <c>prom/node-exporter</c>.</param>
/// <param name="Tag">A word the tag must contain for this variant (<c>rootless</c>), or null.</param>
/// <param name="Server">File names of the image's server executables.</param>
/// <param name="Ports">The ports it listens on by default.</param>
/// <param name="OverriddenBy">Options (<c>-c</c>) and environment variables (<c>PGPORT</c>) that move the port.</param>
/// <param name="Why">Where the default comes from.</param>
internal sealed record WellKnownImage(
    IReadOnlyList<string> Repositories,
    string? Tag,
    IReadOnlyList<string> Server,
    IReadOnlyList<WellKnownPort> Ports,
    IReadOnlyList<string> OverriddenBy,
    string Why)
{
    /// <summary>Whether the entry is this repository: a one-word (official) name also under <c>…/library/</c>, a longer one also below a mirror's prefix.</summary>
    public bool Matches(ImageReference image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return (Tag is null || image.Tag.Contains(Tag, StringComparison.Ordinal))
            && Repositories.Any(r => IsRepository(image.Repository, r));
    }

    private static bool IsRepository(string path, string repository)
    {
        if (path == repository)
        {
            return true;
        }

        var prefix = repository.Contains('/', StringComparison.Ordinal) ? "/" : "/library/";
        return path.Length > prefix.Length + repository.Length
            && path.EndsWith(repository, StringComparison.Ordinal)
            && path.AsSpan(0, path.Length - repository.Length).EndsWith(prefix, StringComparison.Ordinal);
    }
}
