using System.Text.Json.Serialization;

namespace Hostnet.Kube.Auth;

/// <summary>The <c>ExecCredential</c> object exchanged with a credential plugin (client.authentication.k8s.io v1 and v1beta1).</summary>
internal sealed record ExecCredentialJson(
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("apiVersion")] string? ApiVersion,
    [property: JsonPropertyName("spec")] ExecCredentialSpecJson? Spec,
    [property: JsonPropertyName("status")] ExecCredentialStatusJson? Status);

/// <summary>What hostnet tells the plugin (<c>KUBERNETES_EXEC_INFO</c>).</summary>
internal sealed record ExecCredentialSpecJson(
    [property: JsonPropertyName("cluster")] ExecClusterJson? Cluster,
    [property: JsonPropertyName("interactive")] bool Interactive);

/// <summary>The cluster, when the kubeconfig sets <c>provideClusterInfo: true</c>.</summary>
internal sealed record ExecClusterJson(
    [property: JsonPropertyName("server")] string Server,
    [property: JsonPropertyName("tls-server-name")] string? TlsServerName,
    [property: JsonPropertyName("insecure-skip-tls-verify")] bool? InsecureSkipTlsVerify,
    [property: JsonPropertyName("certificate-authority-data")] byte[]? CertificateAuthorityData,
    [property: JsonPropertyName("proxy-url")] string? ProxyUrl);

/// <summary>What the plugin answers.</summary>
internal sealed record ExecCredentialStatusJson(
    [property: JsonPropertyName("token")] string? Token,
    [property: JsonPropertyName("clientCertificateData")] string? ClientCertificateData,
    [property: JsonPropertyName("clientKeyData")] string? ClientKeyData,
    [property: JsonPropertyName("expirationTimestamp")] DateTimeOffset? ExpirationTimestamp);
