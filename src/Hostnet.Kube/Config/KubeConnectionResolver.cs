using Hostnet.Kube.Auth;

namespace Hostnet.Kube.Config;

/// <summary>
/// Picks the connection kubectl would use: the context of the merged kubeconfig (<c>--context</c> or
/// <c>current-context</c>), or, when no kubeconfig configures anything and hostnet runs in a pod, the in-cluster
/// service account (client-go's <c>DeferredLoadingClientConfig</c>).
/// </summary>
public static class KubeConnectionResolver
{
    public static ClusterConnection Resolve(KubeConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var home = options.GetEnvironmentVariable("HOME");
        var kubeconfig = KubeconfigLoader.Load(options.KubeconfigPath, options.GetEnvironmentVariable("KUBECONFIG"), home);
        var inCluster = new InClusterConfig(options.GetEnvironmentVariable, options.ServiceAccountDirectory);
        if (kubeconfig.IsEmpty && string.IsNullOrEmpty(options.Context) && inCluster.Possible)
        {
            return inCluster.Connect(options.TimeProvider);
        }

        return FromKubeconfig(kubeconfig, options);
    }

    public static ClusterConnection FromKubeconfig(Kubeconfig kubeconfig, KubeConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(kubeconfig);
        ArgumentNullException.ThrowIfNull(options);
        if (kubeconfig.IsEmpty)
        {
            throw new KubeConfigException(
                "no configuration has been provided: pass --kubeconfig, set KUBECONFIG or write ~/.kube/config (or run hostnet in a pod)");
        }

        var contextName = string.IsNullOrEmpty(options.Context) ? kubeconfig.CurrentContext : options.Context;
        if (string.IsNullOrEmpty(contextName))
        {
            throw new KubeConfigException($"no current-context is set in {string.Join(", ", kubeconfig.Files)}: pass --context");
        }

        if (!kubeconfig.Contexts.TryGetValue(contextName, out var context))
        {
            throw new KubeConfigException($"context was not found for specified context: {contextName}");
        }

        if (!kubeconfig.Clusters.TryGetValue(context.Cluster, out var cluster))
        {
            throw new KubeConfigException($"cluster \"{context.Cluster}\" of context \"{contextName}\" is not in the kubeconfig");
        }

        if (string.IsNullOrEmpty(cluster.Server))
        {
            throw new KubeConfigException($"cluster \"{cluster.Name}\" has no server defined");
        }

        if (!Uri.TryCreate(cluster.Server, UriKind.Absolute, out var server) || server.Scheme is not ("https" or "http"))
        {
            throw new KubeConfigException($"cluster \"{cluster.Name}\": server \"{UrlPassword.Redact(cluster.Server)}\" is not an http(s) URL");
        }

        var caData = PemFiles.DataOrFile(cluster.CertificateAuthorityData, cluster.CertificateAuthority, "certificate-authority");
        if (cluster.InsecureSkipTlsVerify && caData is not null)
        {
            // transport.TLSConfigFor
            throw new KubeConfigException($"cluster \"{cluster.Name}\": specifying a root certificates file with the insecure flag is not allowed");
        }

        var roots = caData is null
            ? null
            : PemFiles.Bundle(caData, cluster.CertificateAuthorityData is not null ? $"certificate-authority-data of cluster \"{cluster.Name}\"" : cluster.CertificateAuthority!);

        Uri? proxy = null;
        if (!string.IsNullOrEmpty(cluster.ProxyUrl) && !Uri.TryCreate(cluster.ProxyUrl, UriKind.Absolute, out proxy))
        {
            throw new KubeConfigException($"cluster \"{cluster.Name}\": proxy-url \"{UrlPassword.Redact(cluster.ProxyUrl)}\" is not a URL");
        }

        kubeconfig.Users.TryGetValue(context.User, out var user);
        var clusterInfo = new ExecClusterInfo(cluster.Server, cluster.TlsServerName, cluster.InsecureSkipTlsVerify, caData, cluster.ProxyUrl);
        return new ClusterConnection(
            $"context \"{contextName}\"",
            server,
            roots,
            cluster.InsecureSkipTlsVerify,
            string.IsNullOrEmpty(cluster.TlsServerName) ? null : cluster.TlsServerName,
            proxy,
            user is null ? new StaticCredentialSource(Credentials.None) : CredentialsOf(user, clusterInfo, options),
            context.Namespace);
    }

    /// <summary>
    /// A token (<c>token</c> before <c>tokenFile</c>) and a client certificate can go together; an exec plugin is used
    /// only when neither is configured (exec.go <c>UpdateTransportConfig</c>).
    /// </summary>
    private static ICredentialSource CredentialsOf(KubeconfigUser user, ExecClusterInfo cluster, KubeConnectionOptions options)
    {
        var certificatePem = PemFiles.DataOrFile(user.ClientCertificateData, user.ClientCertificate, "client-certificate");
        var keyPem = PemFiles.DataOrFile(user.ClientKeyData, user.ClientKey, "client-key");
        if ((certificatePem is null) != (keyPem is null))
        {
            throw new KubeConfigException(
                $"client-cert-data and client-key-data must both be specified for {user.Name} to use the clientCert authentication method");
        }

        var certificate = certificatePem is null ? null : PemFiles.ClientCertificate(certificatePem, keyPem!, user.Name);
        if (!string.IsNullOrEmpty(user.Token))
        {
            return new StaticCredentialSource(new Credentials(user.Token, certificate));
        }

        if (user.TokenFile is not null)
        {
            return new TokenFileCredentialSource(user.TokenFile, certificate, options.TimeProvider);
        }

        if (certificate is null && user.Exec is not null)
        {
            return new ExecCredentialSource(user.Name, user.Exec, cluster, options.StdinIsTerminal, options.TimeProvider);
        }

        return new StaticCredentialSource(new Credentials(null, certificate));
    }
}
