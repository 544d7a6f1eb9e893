namespace Hostnet.Core.Documents;

/// <summary>One Kubernetes object as written: its file, its root mapping, and its type.</summary>
/// <param name="File">The file name to report.</param>
/// <param name="Root">The object's mapping (for a <c>List</c> item, the item).</param>
/// <param name="ApiVersion">The object's <c>apiVersion</c>.</param>
/// <param name="Kind">The object's <c>kind</c>.</param>
public sealed record ManifestDocument(string File, SourceMapping Root, string ApiVersion, string Kind)
{
    /// <summary>Where findings go when nothing more specific is known: the <c>kind:</c> line.</summary>
    public SourcePosition KindPosition =>
        Root.TryGetEntry("kind", out var entry) ? entry.KeyPosition : Root.Position;
}
