using Hostnet.Core.Documents;


namespace Hostnet.Core.Model;

/// <summary>A ConfigMap: what a pod can read as files or environment (HN030 looks for cluster names in it).</summary>
/// <param name="Data">The <c>data</c> entries, by key (<c>binaryData</c> is not read).</param>
public sealed record ConfigMap(ManifestDocument Source, ObjectMeta Metadata, IReadOnlyDictionary<string, string> Data) : KubeObject(Source, Metadata);
