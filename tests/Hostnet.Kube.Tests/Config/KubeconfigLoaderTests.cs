using System.Text;
using Hostnet.Kube.Config;
using Hostnet.Kube.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Kube.Tests.Config;

public sealed class KubeconfigLoaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Load_SeveralFiles_FirstFileWinsEachNameAndCurrentContext()
    {
        var first = _temp.Write("a/config", """
            apiVersion: v1
            kind: Config
            clusters:
              - name: shared
                cluster: {server: "https://first.example:6443"}
            users:
              - name: alice
                user: {token: first-token}
            contexts:
              - name: dev
                context: {cluster: shared, user: alice, namespace: apps}
            """);
        var second = _temp.Write("b/config", """
            apiVersion: v1
            kind: Config
            current-context: prod
            clusters:
              - name: shared
                cluster: {server: "https://second.example:6443"}
              - name: prod
                cluster: {server: "https://prod.example:6443", insecure-skip-tls-verify: true}
            users:
              - name: alice
                user: {token: second-token}
            contexts:
              - name: prod
                context: {cluster: prod, user: alice}
            """);
        var third = _temp.Write("c/config", "current-context: dev\n");

        var merged = KubeconfigLoader.Load(null, string.Join(':', first, _temp.Root + "/missing", second, third, first), null);

        merged.Clusters["shared"].Server.ShouldBe("https://first.example:6443");
        merged.Clusters["prod"].InsecureSkipTlsVerify.ShouldBeTrue();
        merged.Users["alice"].Token.ShouldBe("first-token");
        merged.Contexts.Keys.ShouldBe(["dev", "prod"], ignoreOrder: true);
        merged.CurrentContext.ShouldBe("prod");
        merged.Files.ShouldBe([first, second, third]);
    }

    [Fact]
    public void Load_RelativePaths_ResolveAgainstTheirOwnFile()
    {
        var path = _temp.Write("nested/kube/config", """
            clusters:
              - name: c
                cluster:
                  server: https://127.0.0.1:6443
                  certificate-authority: pki/ca.crt
                  tls-server-name: kube.example
                  proxy-url: http://proxy.example:3128
            users:
              - name: u
                user:
                  client-certificate: pki/admin.crt
                  client-key: /abs/admin.key
                  tokenFile: ../token
                  exec:
                    apiVersion: client.authentication.k8s.io/v1
                    command: ./bin/plugin
                    args: [get-token, --cluster, c]
                    env: [{name: REGION, value: eu-west-1}]
                    installHint: install it
                    provideClusterInfo: true
                    interactiveMode: Never
              - name: on-path
                user:
                  exec: {apiVersion: client.authentication.k8s.io/v1, command: aws, interactiveMode: IfAvailable}
            contexts:
              - name: c
                context: {cluster: c, user: u}
            """);
        var directory = Path.Combine(_temp.Root, "nested", "kube");

        var config = KubeconfigLoader.Load(path, null, null);

        var cluster = config.Clusters["c"];
        cluster.CertificateAuthority.ShouldBe(Path.Combine(directory, "pki", "ca.crt"));
        cluster.TlsServerName.ShouldBe("kube.example");
        cluster.ProxyUrl.ShouldBe("http://proxy.example:3128");
        var user = config.Users["u"];
        user.ClientCertificate.ShouldBe(Path.Combine(directory, "pki", "admin.crt"));
        user.ClientKey.ShouldBe("/abs/admin.key");
        user.TokenFile.ShouldBe(Path.Combine(_temp.Root, "nested", "token"));
        user.Exec!.Command.ShouldBe(Path.Combine(directory, "bin", "plugin"));
        user.Exec.Args.ShouldBe(["get-token", "--cluster", "c"]);
        user.Exec.Environment.ShouldBe([KeyValuePair.Create("REGION", "eu-west-1")]);
        user.Exec.InstallHint.ShouldBe("install it");
        user.Exec.ProvideClusterInfo.ShouldBeTrue();
        user.Exec.InteractiveMode.ShouldBe("Never");
        config.Users["on-path"].Exec!.Command.ShouldBe("aws");
    }

    [Fact]
    public void Load_InlineData_IsDecodedFromBase64()
    {
        var pem = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        var data = Convert.ToBase64String(Encoding.ASCII.GetBytes(pem));
        var path = _temp.Write("config", $$"""
            {"clusters": [{"name": "c", "cluster": {"server": "https://x", "certificate-authority-data": "{{data}}"} }],
             "users": [{"name": "u", "user": {"client-certificate-data": "{{data}}", "client-key-data": "{{data}}"} }]}
            """);

        var config = KubeconfigLoader.Load(path, null, null);

        Encoding.ASCII.GetString(config.Clusters["c"].CertificateAuthorityData!).ShouldBe(pem);
        Encoding.ASCII.GetString(config.Users["u"].ClientKeyData!).ShouldBe(pem);
    }

    [Fact]
    public void Load_NoKubeconfigVariable_ReadsHomeKubeConfig()
    {
        _temp.Write(".kube/config", "current-context: home\n");

        KubeconfigLoader.Load(null, null, _temp.Root).CurrentContext.ShouldBe("home");
        KubeconfigLoader.Load(null, "", _temp.Root).CurrentContext.ShouldBe("home");
        KubeconfigLoader.Load(null, null, Path.Combine(_temp.Root, "nobody")).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Load_ExplicitPathMissing_SaysSo()
    {
        var error = Should.Throw<KubeConfigException>(() => KubeconfigLoader.Load(_temp.Root + "/absent", null, null));

        error.Message.ShouldBe($"--kubeconfig {_temp.Root}/absent: no such file");
    }

    [Fact]
    public void Load_BrokenYaml_NamesFileAndLine()
    {
        var path = _temp.Write("config", "clusters:\n  - name: c\n    cluster: {server: [\n");

        var error = Should.Throw<KubeConfigException>(() => KubeconfigLoader.Load(path, null, null));

        error.Message.ShouldStartWith(path + ":");
        error.Message.ShouldContain("not a valid kubeconfig");
    }

    [Fact]
    public void UserToString_NeverPrintsSecrets()
    {
        var user = new KubeconfigUser("admin", "s3cr3t-token", null, null, null, null, [1, 2, 3], null);

        user.ToString().ShouldNotContain("s3cr3t");
        user.ToString().ShouldBe("user \"admin\" (token)");
    }
}
