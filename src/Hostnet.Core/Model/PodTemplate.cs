namespace Hostnet.Core.Model;

/// <summary>A pod template (or a bare Pod's own metadata and spec).</summary>
/// <param name="MetadataPath">Field path of the template's metadata (<c>metadata</c> for a Pod).</param>
public sealed record PodTemplate(string MetadataPath, ObjectMeta Metadata, PodSpec Spec);
