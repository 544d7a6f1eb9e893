using Hostnet.Core.Documents;


namespace Hostnet.Core.Model;

/// <summary>A NetworkPolicy.</summary>
public sealed record NetworkPolicy(ManifestDocument Source, ObjectMeta Metadata, LabelSelector PodSelector) : KubeObject(Source, Metadata);
