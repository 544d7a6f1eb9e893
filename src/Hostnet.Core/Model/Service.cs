using Hostnet.Core.Documents;


namespace Hostnet.Core.Model;

/// <summary>A Service.</summary>
/// <param name="Selector">The pod selector; null for a Service without one (endpoints managed by hand).</param>
public sealed record Service(
    ManifestDocument Source,
    ObjectMeta Metadata,
    string Type,
    IReadOnlyDictionary<string, string>? Selector,
    IReadOnlyList<ServicePort> Ports,
    string? ExternalTrafficPolicy) : KubeObject(Source, Metadata);
