using Hostnet.Kube.Auth;
using Hostnet.Kube.Config;
using Hostnet.Kube.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Kube.Tests.Config;

public sealed class KubeConnectionResolverTests : FakeServerTestBase
{
    [Fact]
    public void Resolve_ContextFlag_OverridesCurrentContext()
    {
        var path = Kubeconfigs.Write(Temp, Server, "token: t");
        File.AppendAllText(path, "\n  - name: other\n    context: {cluster: fake, user: tester, namespace: kube-system}\n");

        var connection = KubeConnectionResolver.Resolve(Kubeconfigs.Options(path, Clock) with { Context = "other" });

        connection.Source.ShouldBe("context \"other\"");
        connection.Namespace.ShouldBe("kube-system");
        connection.Server.ShouldBe(Server.Url);
    }

    [Fact]
    public void Resolve_UnknownContext_SaysSo()
    {
        var path = Kubeconfigs.Write(Temp, Server, "token: t");

        var error = Should.Throw<KubeConfigException>(() => KubeConnectionResolver.Resolve(Kubeconfigs.Options(path, Clock) with { Context = "nope" }));

        error.Message.ShouldBe("context was not found for specified context: nope");
    }

    [Fact]
    public void Resolve_KubeconfigVariable_IsUsed()
    {
        var path = Kubeconfigs.Write(Temp, Server, "token: t", file: "elsewhere/config");
        Temp.Write("elsewhere/ca.crt", Pki.CaPem);

        var connection = KubeConnectionResolver.Resolve(Kubeconfigs.Options(null, Clock, new Dictionary<string, string> { ["KUBECONFIG"] = path }));

        connection.Server.ShouldBe(Server.Url);
    }

    [Fact]
    public void Resolve_InsecureWithCa_IsRejected()
    {
        var path = Kubeconfigs.Write(Temp, Server, "token: t", "      insecure-skip-tls-verify: true");

        var error = Should.Throw<KubeConfigException>(() => KubeConnectionResolver.Resolve(Kubeconfigs.Options(path, Clock)));

        error.Message.ShouldBe("cluster \"fake\": specifying a root certificates file with the insecure flag is not allowed");
    }

    [Fact]
    public void Resolve_NothingConfigured_SaysWhereToConfigure()
    {
        var error = Should.Throw<KubeConfigException>(() => KubeConnectionResolver.Resolve(Kubeconfigs.Options(null, Clock)));

        error.Message.ShouldStartWith("no configuration has been provided");
    }

    [Fact]
    public async Task Resolve_InCluster_UsesServiceAccountAndRereadsTheToken()
    {
        var serviceAccount = Path.Combine(Temp.Root, "sa");
        Temp.Write("sa/token", "first-token\n");
        Temp.Write("sa/ca.crt", Pki.CaPem);
        Temp.Write("sa/namespace", "tools");
        var environment = new Dictionary<string, string> { ["KUBERNETES_SERVICE_HOST"] = "127.0.0.1", ["KUBERNETES_SERVICE_PORT"] = Server.Url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        Server.Respond = _ => FakeResponse.Json(ApiObjects.Version);

        var connection = KubeConnectionResolver.Resolve(Kubeconfigs.Options(null, Clock, environment, serviceAccount));
        using var client = new Hostnet.Kube.Http.KubeApiClient(connection, new Hostnet.Kube.Http.KubeClientOptions(TimeSpan.FromHours(1), Hostnet.Kube.Http.RetryPolicy.Default, Clock));
        await client.GetVersionAsync(CancellationToken.None);
        Temp.Write("sa/token", "rotated-token\n");
        await client.GetVersionAsync(CancellationToken.None);
        Clock.Now += TimeSpan.FromMinutes(1);
        await client.GetVersionAsync(CancellationToken.None);

        connection.Source.ShouldBe("in-cluster service account");
        connection.Namespace.ShouldBe("tools");
        connection.Credentials.ShouldBeOfType<TokenFileCredentialSource>();
        Server.Requests.Select(r => r.Authorization).ShouldBe(["Bearer first-token", "Bearer first-token", "Bearer rotated-token"]);
    }

    [Fact]
    public void InCluster_Ipv6Host_IsBracketed()
    {
        Temp.Write("sa/token", "t");
        var environment = new Dictionary<string, string> { ["KUBERNETES_SERVICE_HOST"] = "fd00::1", ["KUBERNETES_SERVICE_PORT"] = "443" };

        var connection = new InClusterConfig(n => environment.GetValueOrDefault(n), Path.Combine(Temp.Root, "sa")).Connect(Clock);

        connection.Server.ShouldBe(new Uri("https://[fd00::1]:443"));
        connection.TrustedRoots.ShouldBeNull();
    }

    [Theory]
    [InlineData("ftp://admin:s3cret@10.0.0.1:6443/api", "ftp://admin:xxxxx@10.0.0.1:6443/api")]
    [InlineData("admin:s3cret@10.0.0.1:6443", "admin:xxxxx@10.0.0.1:6443")]
    [InlineData("https://admin:s3cret@[::1", "https://admin:xxxxx@[::1")]
    [InlineData("https://admin@exa mple", "https://admin@exa mple")]
    public void Resolve_ServerNotAUrl_SaysSoWithoutThePassword(string server, string shown)
    {
        var path = Temp.Write("kube/config", $$"""
            apiVersion: v1
            kind: Config
            current-context: test
            clusters:
              - name: fake
                cluster: {server: "{{server}}"}
            users:
              - name: tester
                user: {token: t}
            contexts:
              - name: test
                context: {cluster: fake, user: tester}
            """);

        var error = Should.Throw<KubeConfigException>(() => KubeConnectionResolver.Resolve(Kubeconfigs.Options(path, Clock)));

        error.Message.ShouldBe($"cluster \"fake\": server \"{shown}\" is not an http(s) URL");
    }

    [Fact]
    public void Resolve_ProxyUrlNotAUrl_SaysSoWithoutThePassword()
    {
        var path = Kubeconfigs.Write(Temp, Server, "token: t", "      proxy-url: \"http://proxy:s3cret@host:99999\"");

        var error = Should.Throw<KubeConfigException>(() => KubeConnectionResolver.Resolve(Kubeconfigs.Options(path, Clock)));

        error.Message.ShouldBe("cluster \"fake\": proxy-url \"http://proxy:xxxxx@host:99999\" is not a URL");
    }
}
