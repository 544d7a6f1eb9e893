using System.Security.Cryptography.X509Certificates;
using Hostnet.Webhook.Certificates;
using Shouldly;
using Xunit;

namespace Hostnet.Webhook.Tests;

public sealed class CertificateAuthorityTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Generate_ServingCertificate_NamesTheServiceAndChainsToTheCa()
    {
        var generated = CertificateAuthority.Generate("hostnet-webhook", "hostnet-system", Now, TimeSpan.FromDays(365));
        using var ca = X509Certificate2.CreateFromPem(generated.CaCertificatePem);
        using var certificate = X509Certificate2.CreateFromPem(generated.CertificatePem, generated.KeyPem);

        certificate.HasPrivateKey.ShouldBeTrue();
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames().ToArray();
        names.ShouldBe(["hostnet-webhook", "hostnet-webhook.hostnet-system", "hostnet-webhook.hostnet-system.svc", "hostnet-webhook.hostnet-system.svc.cluster.local"]);
        certificate.NotAfter.ToUniversalTime().ShouldBe(Now.AddDays(365).UtcDateTime);
        ca.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority.ShouldBeTrue();

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = Now.AddDays(1).UtcDateTime;
        chain.Build(certificate).ShouldBeTrue();
        certificate.MatchesHostname("hostnet-webhook.hostnet-system.svc").ShouldBeTrue();
    }

    [Fact]
    public void CaBundle_IsTheCaPemInBase64()
    {
        var generated = CertificateAuthority.Generate("a", "b", Now, TimeSpan.FromDays(1));
        System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(generated.CaBundle)).ShouldBe(generated.CaCertificatePem);
        generated.Files.Select(f => f.Name).ShouldBe(["ca.crt", "ca.key", "tls.crt", "tls.key", "ca-bundle.txt"]);
    }
}
