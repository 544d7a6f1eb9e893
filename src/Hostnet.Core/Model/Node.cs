using Hostnet.Core.Documents;


namespace Hostnet.Core.Model;

/// <summary>A Node.</summary>
public sealed record Node(
    ManifestDocument Source,
    ObjectMeta Metadata,
    bool Unschedulable,
    IReadOnlyList<Taint> Taints,
    IReadOnlyDictionary<string, string> Allocatable,
    string? InternalIP,
    string? PodCidr) : KubeObject(Source, Metadata);
