using Hostnet.Kube.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Kube.Tests.Http;

/// <summary>The kubeconfig's <c>proxy-url</c>: requests go through an HTTP CONNECT tunnel, TLS to the API server inside it.</summary>
public sealed class ProxyUrlTests : FakeServerTestBase
{
    [Fact]
    public async Task ProxyUrl_TunnelsToAServerOnlyTheProxyCanReach()
    {
        await using var proxy = new ConnectProxy();
        Server.Respond = _ => FakeResponse.Json(ApiObjects.Version);
        var port = Server.Url.Port;
        // kube.example does not resolve: only the proxy, which maps every name to 127.0.0.1, reaches it.
        var config = Kubeconfigs.Write(Temp, Server, "token: through-the-proxy", $"      proxy-url: {proxy.Url}");
        Temp.Write("kube/config", File.ReadAllText(config).Replace(Server.Url.ToString().TrimEnd('/'), $"https://kube.example:{port}", StringComparison.Ordinal));
        using var client = Kubeconfigs.Client(config, Clock);

        var version = await client.GetVersionAsync(CancellationToken.None);

        version.GitVersion.ShouldBe("v1.31.2");
        proxy.Tunnels.ShouldBe([$"kube.example:{port}"]);
        Server.Requests.Single().Authorization.ShouldBe("Bearer through-the-proxy");
    }

    [Fact]
    public async Task ProxyUrl_IsUsedForALoopbackServerToo()
    {
        await using var proxy = new ConnectProxy();
        Server.Respond = _ => FakeResponse.Json(ApiObjects.Version);
        using var client = Kubeconfigs.Client(Kubeconfigs.Write(Temp, Server, "token: t", $"      proxy-url: {proxy.Url}"), Clock);

        await client.GetVersionAsync(CancellationToken.None);

        proxy.Tunnels.ShouldBe([$"127.0.0.1:{Server.Url.Port}"]);
    }
}
