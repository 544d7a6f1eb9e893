namespace Hostnet.Kube.Auth;

/// <summary>The cluster a plugin may be told about (<c>provideClusterInfo</c>): what client-go's <c>ConfigToExecCluster</c> passes.</summary>
public sealed record ExecClusterInfo(string Server, string? TlsServerName, bool InsecureSkipTlsVerify, byte[]? CertificateAuthorityData, string? ProxyUrl);
