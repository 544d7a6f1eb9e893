namespace Hostnet.Kube.Config;

/// <summary>Where to look for a cluster: the kubectl flags and what the process knows. Every source is injectable for tests.</summary>
/// <param name="KubeconfigPath"><c>--kubeconfig</c>.</param>
/// <param name="Context"><c>--context</c>.</param>
/// <param name="GetEnvironmentVariable">Reads <c>KUBECONFIG</c>, <c>HOME</c>, <c>KUBERNETES_SERVICE_HOST</c>/<c>_PORT</c>.</param>
/// <param name="ServiceAccountDirectory">Where the in-cluster token and CA are.</param>
/// <param name="StdinIsTerminal">For exec plugins' <c>interactiveMode</c>.</param>
public sealed record KubeConnectionOptions(
    string? KubeconfigPath,
    string? Context,
    Func<string, string?> GetEnvironmentVariable,
    string ServiceAccountDirectory,
    bool StdinIsTerminal,
    TimeProvider TimeProvider);
