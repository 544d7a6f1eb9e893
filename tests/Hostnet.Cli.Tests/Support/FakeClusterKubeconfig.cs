using Hostnet.Kube.Tests.Support;

namespace Hostnet.Cli.Tests.Support;

/// <summary>The kubeconfig that points the CLI at a fake API server: one context, its CA, and a bearer token.</summary>
internal static class FakeClusterKubeconfig
{
    /// <summary>Writes <c>kube/config</c> and <c>kube/ca.crt</c> into the sandbox; pass <c>--kubeconfig kube/config</c>.</summary>
    public static void Write(CliSandbox sandbox, FakeApiServer server, TestPki pki)
    {
        sandbox.Write("kube/ca.crt", pki.CaPem);
        sandbox.Write("kube/config", $$$"""
            apiVersion: v1
            kind: Config
            current-context: fake
            clusters: [{name: fake, cluster: {server: "{{{server.Url.ToString().TrimEnd('/')}}}", certificate-authority: ca.crt}}]
            users: [{name: admin, user: {token: secret-admin-token}}]
            contexts: [{name: fake, context: {cluster: fake, user: admin}}]
            """);
    }
}
