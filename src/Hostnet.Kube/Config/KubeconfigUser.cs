namespace Hostnet.Kube.Config;

/// <summary>
/// One entry of <c>users</c> (client-go <c>api.AuthInfo</c>). Relative paths are resolved against the directory of the
/// file that defined the entry. <see cref="ToString"/> never prints a secret.
/// </summary>
public sealed record KubeconfigUser(
    string Name,
    string? Token,
    string? TokenFile,
    string? ClientCertificate,
    byte[]? ClientCertificateData,
    string? ClientKey,
    byte[]? ClientKeyData,
    ExecConfig? Exec)
{
    /// <summary>Names the user and the kinds of credential it has, never their values (records print every member by default).</summary>
    public override string ToString()
    {
        var kinds = new List<string>();
        if (Token is not null)
        {
            kinds.Add("token");
        }

        if (TokenFile is not null)
        {
            kinds.Add("tokenFile");
        }

        if (ClientCertificate is not null || ClientCertificateData is not null)
        {
            kinds.Add("client certificate");
        }

        if (Exec is not null)
        {
            kinds.Add("exec " + Exec.Command);
        }

        return $"user \"{Name}\" ({string.Join(", ", kinds)})";
    }
}
