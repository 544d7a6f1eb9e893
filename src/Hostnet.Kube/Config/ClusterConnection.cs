using System.Security.Cryptography.X509Certificates;
using Hostnet.Kube.Auth;

namespace Hostnet.Kube.Config;

/// <summary>
/// Everything needed to talk to one API server: where, how to trust it, how to authenticate (client-go's
/// <c>rest.Config</c>). Built by <see cref="KubeConnectionResolver"/> from a kubeconfig context or the in-cluster config.
/// </summary>
/// <param name="Source">Says where it came from for messages: <c>context "kind-dev"</c> or <c>in-cluster service account</c>.</param>
/// <param name="TrustedRoots">The roots to validate the server against; null for the system's.</param>
/// <param name="TlsServerName">The name the server certificate must carry, when not the host of <paramref name="Server"/>.</param>
public sealed record ClusterConnection(
    string Source,
    Uri Server,
    X509Certificate2Collection? TrustedRoots,
    bool InsecureSkipTlsVerify,
    string? TlsServerName,
    Uri? ProxyUrl,
    ICredentialSource Credentials,
    string? Namespace)
{
    /// <summary>
    /// The server as messages print it: a password in the URL (<c>https://user:pass@host</c>) becomes <c>xxxxx</c>,
    /// as Go's <c>url.URL.Redacted</c> writes it for kubectl.
    /// </summary>
    public string DisplayServer => UrlPassword.Redact(Server.ToString());
}
