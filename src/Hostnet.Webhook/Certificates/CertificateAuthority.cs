using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hostnet.Webhook.Certificates;

/// <summary>
/// <c>hostnet webhook gen-certs</c>: a self-signed CA and a serving certificate for the webhook's Service, for
/// clusters without cert-manager. ECDSA P-256 keys keep TLS handshakes cheap.
/// </summary>
public static class CertificateAuthority
{
    /// <summary>The serving certificate's names: the ones the API server may dial the Service by.</summary>
    public static IReadOnlyList<string> DnsNames(string service, string @namespace) =>
        [service, $"{service}.{@namespace}", $"{service}.{@namespace}.svc", $"{service}.{@namespace}.svc.cluster.local"];

    /// <param name="service">The Service's name.</param>
    /// <param name="namespace">The Service's namespace.</param>
    /// <param name="now">When the certificates start to be valid (a minute of clock skew is allowed for).</param>
    /// <param name="validity">How long the serving certificate lasts; the CA lasts ten times as long.</param>
    /// <param name="extraDnsNames">More names (e.g. <c>localhost</c> for a webhook outside the cluster).</param>
    public static GeneratedCertificates Generate(string service, string @namespace, DateTimeOffset now, TimeSpan validity, IReadOnlyList<string>? extraDnsNames = null)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={service}-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, critical: false));
        var notBefore = now.AddMinutes(-1);
        using var ca = caRequest.CreateSelfSigned(notBefore, now.Add(validity * 10));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={service}.{@namespace}.svc", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in DnsNames(service, @namespace).Concat(extraDnsNames ?? []))
        {
            names.AddDnsName(name);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var certificate = request.Create(ca, notBefore, now.Add(validity), serial);

        return new GeneratedCertificates(ca.ExportCertificatePem(), caKey.ExportPkcs8PrivateKeyPem(), certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
