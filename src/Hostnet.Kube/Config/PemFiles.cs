using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Hostnet.Kube.Config;

/// <summary>Reads PEM certificates and keys (PKCS#8, PKCS#1 RSA, SEC1 EC) from kubeconfig data or files. Messages name files, never content.</summary>
internal static class PemFiles
{
    /// <summary>The inline data when there is some (it wins, as in client-go's <c>dataFromSliceOrFile</c>), else the file's bytes.</summary>
    public static byte[]? DataOrFile(byte[]? data, string? path, string what)
    {
        if (data is { Length: > 0 })
        {
            return data;
        }

        if (path is null)
        {
            return null;
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"cannot read {what} {path}: {error.Message}", error);
        }
    }

    public static X509Certificate2Collection Bundle(byte[] pem, string what)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPem(Encoding.ASCII.GetString(pem));
        }
        catch (CryptographicException error)
        {
            throw new KubeConfigException($"{what} is not a PEM certificate bundle: {error.Message}", error);
        }

        if (roots.Count == 0)
        {
            throw new KubeConfigException($"{what} holds no PEM certificate");
        }

        return roots;
    }

    public static X509Certificate2 ClientCertificate(byte[] certificatePem, byte[] keyPem, string user)
    {
        try
        {
            return X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(certificatePem), Encoding.ASCII.GetString(keyPem));
        }
        catch (Exception error) when (error is CryptographicException or ArgumentException)
        {
            throw new KubeConfigException($"the client certificate and key of user \"{user}\" cannot be read: {error.Message}", error);
        }
    }
}
