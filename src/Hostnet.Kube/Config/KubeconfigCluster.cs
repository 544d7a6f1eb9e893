namespace Hostnet.Kube.Config;

/// <summary>
/// One entry of <c>clusters</c> in a kubeconfig (client-go <c>api.Cluster</c>). Relative paths are already resolved
/// against the directory of the file that defined the entry.
/// </summary>
/// <param name="CertificateAuthority">Path of a PEM bundle of trusted roots (<c>certificate-authority</c>).</param>
/// <param name="CertificateAuthorityData">PEM bytes (<c>certificate-authority-data</c>); wins over the path, as in client-go.</param>
public sealed record KubeconfigCluster(
    string Name,
    string Server,
    string? CertificateAuthority,
    byte[]? CertificateAuthorityData,
    bool InsecureSkipTlsVerify,
    string? ProxyUrl,
    string? TlsServerName);
