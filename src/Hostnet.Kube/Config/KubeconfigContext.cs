namespace Hostnet.Kube.Config;

/// <summary>One entry of <c>contexts</c>: which cluster, which user, which default namespace.</summary>
public sealed record KubeconfigContext(string Name, string Cluster, string User, string? Namespace);
