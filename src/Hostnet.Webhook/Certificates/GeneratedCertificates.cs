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

    /// <summary>
    /// Writes <see cref="Files"/> into <paramref name="folder"/>. Each goes to a new temporary file beside it, created
    /// exclusively and, for the keys, with mode 0600 from the start (never readable by others, not even for a moment),
    /// then renamed over the old file: a reader who opened an old, more open file never sees the new key through it.
    /// </summary>
    public void WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, content) in Files)
        {
            var path = Path.Combine(folder, name);
            var temporary = Path.Combine(folder, $".{name}.{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8))}.tmp");
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = name.EndsWith(".key", StringComparison.Ordinal)
                    ? UnixFileMode.UserRead | UnixFileMode.UserWrite
                    : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
            }

            try
            {
                using (var file = new FileStream(temporary, options))
                {
                    file.Write(System.Text.Encoding.UTF8.GetBytes(content));
                }

                File.Move(temporary, path, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>The CA certificate's PEM in base64: the value of <c>clientConfig.caBundle</c>.</summary>
    public string CaBundle => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(CaCertificatePem));
}
