using Hostnet.Core.Documents;


namespace Hostnet.Core.Model;

/// <summary>A Namespace (named so to stay clear of the C# keyword).</summary>
public sealed record NamespaceObject(ManifestDocument Source, ObjectMeta Metadata) : KubeObject(Source, Metadata);
