using Hostnet.Core.Documents;


namespace Hostnet.Core.Model;

/// <summary>A Kubernetes object hostnet understands, with the document it was read from.</summary>
public abstract record KubeObject(ManifestDocument Source, ObjectMeta Metadata)
{
    public string Kind => Source.Kind;

    public string Name => Metadata.Name ?? string.Empty;

    /// <summary>Kubernetes' own default namespace, where an object that names none lands unless configured otherwise.</summary>
    public const string KubernetesDefaultNamespace = "default";

    /// <summary>
    /// The namespace the object lands in: its own, or <paramref name="defaultNamespace"/> when it names none (the
    /// configured default: <c>defaultNamespace</c> of <c>.hostnet.yaml</c>, the kubeconfig context's namespace for a
    /// live cluster, a webhook request's namespace), as <c>kubectl apply</c> puts it there.
    /// </summary>
    public string NamespaceOr(string defaultNamespace) =>
        string.IsNullOrEmpty(Metadata.Namespace) ? defaultNamespace : Metadata.Namespace;

    /// <summary><c>Kind/name</c>, as kubectl names objects.</summary>
    public string DisplayName => $"{Kind}/{Name}";
}
