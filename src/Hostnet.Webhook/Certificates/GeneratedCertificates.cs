namespace Hostnet.Webhook.Certificates;

/// <summary>A CA and a serving certificate signed by it, as PEM text, and the CA as a webhook configuration's <c>caBundle</c>.</summary>
public sealed record GeneratedCertificates(string CaCertificatePem, string CaKeyPem, string CertificatePem, string KeyPem)
{
    /// <summary>The files <c>gen-certs</c> writes: names as in a <c>kubernetes.io/tls</c> Secret, plus the CA's key and bundle.</summary>
    public IReadOnlyList<(string Name, string Content)> Files =>
    [
        ("ca.crt", CaCertificatePem),
        ("ca.key", CaKeyPem),
        ("tls.crt", CertificatePem),
        ("tls.key", KeyPem),
        ("ca-bundle.txt", CaBundle + "\n"),
    ];

    /// <summary>The CA certificate's PEM in base64: the value of <c>clientConfig.caBundle</c>.</summary>
    public string CaBundle => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(CaCertificatePem));
}
