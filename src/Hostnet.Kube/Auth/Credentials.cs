using System.Security.Cryptography.X509Certificates;

namespace Hostnet.Kube.Auth;

/// <summary>What a request presents: a bearer token, a client certificate (with its key), both or neither. Never printed.</summary>
public sealed record Credentials(string? Token, X509Certificate2? ClientCertificate)
{
    public static Credentials None { get; } = new(null, null);

    public override string ToString() =>
        $"credentials (token: {(Token is null ? "no" : "yes")}, client certificate: {ClientCertificate?.Subject ?? "no"})";
}
