using Hostnet.Kube.Config;
using Hostnet.Kube.Http;

namespace Hostnet.Kube.Tests.Support;

/// <summary>Writes kubeconfigs pointing at a fake server and resolves them as hostnet would.</summary>
internal static class Kubeconfigs
{
    /// <summary>A kubeconfig with one context "test" for <paramref name="server"/>, the CA written beside it, and the given <c>user:</c> body.</summary>
    public static string Write(TempDirectory temp, FakeApiServer server, string userYaml, string clusterExtra = "", string file = "kube/config")
    {
        temp.Write("kube/ca.crt", server.Pki.CaPem);
        var indentedUser = string.Join('\n', userYaml.Split('\n').Select(l => "      " + l));
        return temp.Write(file, $"""
            apiVersion: v1
            kind: Config
            current-context: test
            clusters:
              - name: fake
                cluster:
                  server: {server.Url.ToString().TrimEnd('/')}
                  certificate-authority: ca.crt
            {clusterExtra}
            users:
              - name: tester
                user:
            {indentedUser}
            contexts:
              - name: test
                context: {"{"}cluster: fake, user: tester, namespace: default{"}"}
            """);
    }

    public static KubeConnectionOptions Options(string? kubeconfig, TimeProvider clock, IReadOnlyDictionary<string, string>? environment = null, string serviceAccountDirectory = "/nonexistent") =>
        new(kubeconfig, null, name => environment?.GetValueOrDefault(name), serviceAccountDirectory, StdinIsTerminal: false, clock);

    public static KubeApiClient Client(string kubeconfig, FastTimeProvider clock, TimeSpan? timeout = null, int attempts = 5) =>
        new(KubeConnectionResolver.Resolve(Options(kubeconfig, clock)), new KubeClientOptions(timeout ?? TimeSpan.FromHours(1), new RetryPolicy(attempts, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)), clock));
}
