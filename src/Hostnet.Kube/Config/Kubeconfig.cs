namespace Hostnet.Kube.Config;

/// <summary>
/// A kubeconfig after merging every file kubectl would read: entries by name, and the current context.
/// </summary>
/// <param name="Files">The files that were read, in precedence order (for messages).</param>
public sealed record Kubeconfig(
    IReadOnlyDictionary<string, KubeconfigCluster> Clusters,
    IReadOnlyDictionary<string, KubeconfigUser> Users,
    IReadOnlyDictionary<string, KubeconfigContext> Contexts,
    string? CurrentContext,
    IReadOnlyList<string> Files)
{
    public static Kubeconfig Empty { get; } = new(
        new Dictionary<string, KubeconfigCluster>(StringComparer.Ordinal),
        new Dictionary<string, KubeconfigUser>(StringComparer.Ordinal),
        new Dictionary<string, KubeconfigContext>(StringComparer.Ordinal),
        null,
        []);

    /// <summary>Whether nothing was configured, the case where client-go falls back to the in-cluster config.</summary>
    public bool IsEmpty => Clusters.Count == 0 && Users.Count == 0 && Contexts.Count == 0 && string.IsNullOrEmpty(CurrentContext);
}
