using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Hostnet.Kube.Config;

namespace Hostnet.Kube.Http;

/// <summary>
/// Checks the server certificate as client-go's TLS config does: against the kubeconfig's CA bundle only (not the
/// system roots) when one is given, and for the name in <c>tls-server-name</c> when set, else the server's host.
/// </summary>
internal static class TlsValidation
{
    public static bool Validate(ClusterConnection connection, X509Certificate? presented, X509Chain? presentedChain, SslPolicyErrors errors)
    {
        if (connection.InsecureSkipTlsVerify)
        {
            return true;
        }

        if (presented is null)
        {
            return false;
        }

        var certificate = presented as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        var expectedName = connection.TlsServerName ?? connection.Server.IdnHost;
        if (!certificate.MatchesHostname(expectedName, allowWildcards: true, allowCommonName: false))
        {
            return false;
        }

        if (connection.TrustedRoots is null)
        {
            return (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(connection.TrustedRoots);
        if (presentedChain is not null)
        {
            foreach (var element in presentedChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(certificate);
    }
}
