using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hostnet.Kube.Tests.Support;

/// <summary>A throwaway certificate authority: a CA, a server certificate for 127.0.0.1 and kube.example, and client certificates.</summary>
internal sealed class TestPki : IDisposable
{
    private readonly ECDsa _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestPki(string caName = "hostnet-test-ca")
    {
        var request = new CertificateRequest($"CN={caName}", _caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        Server = IssueServer();
    }

    public X509Certificate2 Ca { get; }

    /// <summary>Valid for 127.0.0.1, localhost and kube.example.</summary>
    public X509Certificate2 Server { get; }

    public string CaPem => Ca.ExportCertificatePem();

    /// <summary>A client certificate (CN = user, O = group) and its key, as PEM: RSA keys in PKCS#1, EC keys in SEC1.</summary>
    public (string CertificatePem, string KeyPem) IssueClient(string user, bool rsa)
    {
        if (rsa)
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest($"CN={user}, O=system:masters", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = Sign(request, clientAuth: true);
            return (certificate.ExportCertificatePem(), key.ExportRSAPrivateKeyPem());
        }
        else
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest($"CN={user}, O=system:masters", key, HashAlgorithmName.SHA256);
            using var certificate = Sign(request, clientAuth: true);
            return (certificate.ExportCertificatePem(), key.ExportECPrivateKeyPem());
        }
    }

    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
        _caKey.Dispose();
    }

    private X509Certificate2 IssueServer()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kube-apiserver", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        names.AddDnsName("kube.example");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = Sign(request, clientAuth: false);
        return X509CertificateLoader.LoadPkcs12(certificate.CopyWithPrivateKey(key).Export(X509ContentType.Pkcs12), null);
    }

    private X509Certificate2 Sign(CertificateRequest request, bool clientAuth)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(clientAuth ? "1.3.6.1.5.5.7.3.2" : "1.3.6.1.5.5.7.3.1")], false));
        var serial = new byte[8];
        RandomNumberGenerator.Fill(serial);
        // The CA key is EC; an RSA request needs the CA's signature generator spelled out.
        return request.Create(Ca.SubjectName, X509SignatureGenerator.CreateForECDsa(_caKey), DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), serial);
    }
}
