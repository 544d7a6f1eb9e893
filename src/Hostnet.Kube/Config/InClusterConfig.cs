using Hostnet.Kube.Auth;

namespace Hostnet.Kube.Config;

/// <summary>
/// The service-account config of a pod, as client-go's <c>rest.InClusterConfig</c> builds it: the server from
/// <c>KUBERNETES_SERVICE_HOST</c>/<c>KUBERNETES_SERVICE_PORT</c>, the CA from <c>ca.crt</c>, the token from <c>token</c>
/// (read again every minute: projected tokens rotate), the namespace from <c>namespace</c>.
/// </summary>
/// <param name="ServiceAccountDirectory">Normally <see cref="DefaultDirectory"/>; tests pass a temporary folder.</param>
public sealed record InClusterConfig(Func<string, string?> GetEnvironmentVariable, string ServiceAccountDirectory)
{
    public const string DefaultDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    private string TokenPath => Path.Combine(ServiceAccountDirectory, "token");

    /// <summary>Whether hostnet runs in a pod (client-go's <c>inClusterClientConfig.Possible</c>).</summary>
    public bool Possible =>
        !string.IsNullOrEmpty(GetEnvironmentVariable("KUBERNETES_SERVICE_HOST"))
        && !string.IsNullOrEmpty(GetEnvironmentVariable("KUBERNETES_SERVICE_PORT"))
        && File.Exists(TokenPath);

    public ClusterConnection Connect(TimeProvider timeProvider)
    {
        var host = GetEnvironmentVariable("KUBERNETES_SERVICE_HOST");
        var port = GetEnvironmentVariable("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            throw new KubeConfigException("unable to load in-cluster configuration, KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be defined");
        }

        // net.JoinHostPort: an IPv6 address goes in brackets.
        var authority = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
        var caPath = Path.Combine(ServiceAccountDirectory, "ca.crt");
        var ca = File.Exists(caPath) ? PemFiles.Bundle(PemFiles.DataOrFile(null, caPath, "service-account CA")!, caPath) : null;
        var namespacePath = Path.Combine(ServiceAccountDirectory, "namespace");
        var ns = File.Exists(namespacePath) ? File.ReadAllText(namespacePath).Trim() : null;
        return new ClusterConnection(
            "in-cluster service account",
            new Uri($"https://{authority}"),
            ca,
            InsecureSkipTlsVerify: false,
            TlsServerName: null,
            ProxyUrl: null,
            new TokenFileCredentialSource(TokenPath, null, timeProvider),
            ns);
    }
}
