using Hostnet.Core.Loading;

namespace Hostnet.Core.Model;

/// <summary>A Kubernetes object hostnet understands, with the document it was read from.</summary>
public abstract record KubeObject(ManifestDocument Source, ObjectMeta Metadata)
{
    public string Kind => Source.Kind;

    public string Name => Metadata.Name ?? string.Empty;

    /// <summary><c>Kind/name</c>, as kubectl names objects.</summary>
    public string DisplayName => $"{Kind}/{Name}";
}
