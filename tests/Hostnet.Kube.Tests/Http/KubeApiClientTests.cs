using System.Net;
using Hostnet.Kube.Http;
using Hostnet.Kube.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Kube.Tests.Http;

public sealed class KubeApiClientTests : FakeServerTestBase
{
    [Fact]
    public async Task GetVersion_Token_SendsBearerOverVerifiedTls()
    {
        Server.Respond = _ => FakeResponse.Json(ApiObjects.Version);
        using var client = Kubeconfigs.Client(Kubeconfigs.Write(Temp, Server, "token: abc.def"), Clock);

        var version = await client.GetVersionAsync(CancellationToken.None);

        version.GitVersion.ShouldBe("v1.31.2");
        Server.Requests.Single().Authorization.ShouldBe("Bearer abc.def");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetVersion_ClientCertificateFiles_ServerSeesTheCertificate(bool rsa)
    {
        var (certificate, key) = Pki.IssueClient("admin", rsa);
        Temp.Write("kube/pki/admin.crt", certificate);
        Temp.Write("kube/pki/admin.key", key);
        Server.Respond = r => r.ClientCertificateSubject is null ? FakeResponse.Error(401, "Unauthorized", "Unauthorized") : FakeResponse.Json(ApiObjects.Version);
        using var client = Kubeconfigs.Client(Kubeconfigs.Write(Temp, Server, "client-certificate: pki/admin.crt\nclient-key: pki/admin.key"), Clock);

        await client.GetVersionAsync(CancellationToken.None);

        Server.Requests.Single().ClientCertificateSubject.ShouldBe("CN=admin, O=system:masters");
        Server.Requests.Single().Authorization.ShouldBeNull();
    }

    [Fact]
    public async Task GetVersion_ClientCertificateData_ServerSeesTheCertificate()
    {
        var (certificate, key) = Pki.IssueClient("inline", rsa: false);
        var user = $"client-certificate-data: {Base64(certificate)}\nclient-key-data: {Base64(key)}";
        Server.Respond = _ => FakeResponse.Json(ApiObjects.Version);
        using var client = Kubeconfigs.Client(Kubeconfigs.Write(Temp, Server, user), Clock);

        await client.GetVersionAsync(CancellationToken.None);

        Server.Requests.Single().ClientCertificateSubject.ShouldBe("CN=inline, O=system:masters");
    }

    [Fact]
    public async Task GetVersion_OtherCa_FailsTheTlsCheck()
    {
        using var other = new TestPki("someone-else");
        var path = Kubeconfigs.Write(Temp, Server, "token: t");
        Temp.Write("kube/ca.crt", other.CaPem);
        using var client = Kubeconfigs.Client(path, Clock);

        var error = await Should.ThrowAsync<KubeApiException>(() => client.GetVersionAsync(CancellationToken.None));

        error.Message.ShouldBe(
            $"cannot reach the API server at {Server.Url} (context \"test\"): its TLS certificate was not accepted: "
            + "it must chain to the kubeconfig's certificate-authority and carry the name \"127.0.0.1\" (tls-server-name can name another)");
        error.StatusCode.ShouldBeNull();
    }

    [Fact]
    public async Task GetVersion_TlsServerName_ChecksThatNameInstead()
    {
        Server.Respond = _ => FakeResponse.Json(ApiObjects.Version);
        var good = Kubeconfigs.Write(Temp, Server, "token: t", "      tls-server-name: kube.example", "good/config");
        var bad = Kubeconfigs.Write(Temp, Server, "token: t", "      tls-server-name: other.example", "bad/config");
        Temp.Write("good/ca.crt", Pki.CaPem);
        Temp.Write("bad/ca.crt", Pki.CaPem);
        using var goodClient = Kubeconfigs.Client(good, Clock);
        using var badClient = Kubeconfigs.Client(bad, Clock);

        (await goodClient.GetVersionAsync(CancellationToken.None)).GitVersion.ShouldBe("v1.31.2");
        var error = await Should.ThrowAsync<KubeApiException>(() => badClient.GetVersionAsync(CancellationToken.None));
        error.Message.ShouldContain("carry the name \"other.example\"");
    }

    [Fact]
    public async Task GetVersion_InsecureSkipTlsVerify_AcceptsAnyCertificate()
    {
        Server.Respond = _ => FakeResponse.Json(ApiObjects.Version);
        var path = Kubeconfigs.Write(Temp, Server, "token: t");
        File.WriteAllText(path, File.ReadAllText(path).Replace("certificate-authority: ca.crt", "insecure-skip-tls-verify: true", StringComparison.Ordinal));
        using var client = Kubeconfigs.Client(path, Clock);

        (await client.GetVersionAsync(CancellationToken.None)).GitVersion.ShouldBe("v1.31.2");
    }

    [Fact]
    public async Task Get_429WithRetryAfter_WaitsThatLongAndRetries()
    {
        var calls = 0;
        Server.Respond = _ => Interlocked.Increment(ref calls) <= 2
            ? FakeResponse.Error(429, "TooManyRequests", "Too many requests, please try again later.", new Dictionary<string, string> { ["Retry-After"] = "3" })
            : FakeResponse.Json(ApiObjects.Version);
        using var client = Kubeconfigs.Client(Kubeconfigs.Write(Temp, Server, "token: t"), Clock);

        await client.GetVersionAsync(CancellationToken.None);

        calls.ShouldBe(3);
        Clock.Timers.Where(t => t < TimeSpan.FromMinutes(1)).ShouldBe([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)]);
    }

    [Fact]
    public async Task Get_503WithoutRetryAfter_BacksOffExponentiallyThenGivesUp()
    {
        Server.Respond = _ => FakeResponse.Error(503, "ServiceUnavailable", "etcdserver: leader changed");
        using var client = Kubeconfigs.Client(Kubeconfigs.Write(Temp, Server, "token: t"), Clock, attempts: 4);

        var error = await Should.ThrowAsync<KubeApiException>(() => client.GetVersionAsync(CancellationToken.None));

        error.Message.ShouldBe("GET /version: 503 ServiceUnavailable: etcdserver: leader changed");
        Server.Requests.Count.ShouldBe(4);
        Clock.Timers.Where(t => t < TimeSpan.FromMinutes(1)).ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)]);
    }

    [Fact]
    public async Task Get_401_SaysToCheckCredentialsWithoutTheToken()
    {
        Server.Respond = _ => FakeResponse.Error(401, "Unauthorized", "Unauthorized");
        using var client = Kubeconfigs.Client(Kubeconfigs.Write(Temp, Server, "token: very-secret-token"), Clock);

        var error = await Should.ThrowAsync<KubeApiException>(() => client.GetVersionAsync(CancellationToken.None));

        error.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        error.Message.ShouldStartWith($"Unauthorized: check your credentials: the API server at {Server.Url} rejected those of context \"test\"");
        error.ToString().ShouldNotContain("very-secret-token");
    }

    [Theory]
    [InlineData(
        """pods is forbidden: User "system:serviceaccount:tools:hostnet" cannot list resource "pods" in API group "" at the cluster scope""",
        """Forbidden: pods is forbidden: User "system:serviceaccount:tools:hostnet" cannot list resource "pods" in API group "" at the cluster scope: grant "list" on "pods" (see docs/snapshot.md for the ClusterRole)""")]
    [InlineData(
        "deployments.apps is forbidden: User \"dev\" cannot list resource \"deployments\" in API group \"apps\" in the namespace \"team-a\"",
        """Forbidden: deployments.apps is forbidden: User "dev" cannot list resource "deployments" in API group "apps" in the namespace "team-a": grant "list" on "deployments" in API group "apps" (see docs/snapshot.md for the ClusterRole)""")]
    [InlineData("forbidden by policy", "Forbidden: forbidden by policy")]
    public async Task Get_403_NamesVerbAndResourceToGrant(string status, string expected)
    {
        Server.Respond = _ => FakeResponse.Error(403, "Forbidden", status);
        using var client = Kubeconfigs.Client(Kubeconfigs.Write(Temp, Server, "token: t"), Clock);

        var error = await Should.ThrowAsync<KubeApiException>(() => client.GetAsync("/api/v1/pods", KubeApiClient.MaxSmallBodyBytes, (_, _) => Task.FromResult(0), CancellationToken.None));

        error.Message.ShouldBe(expected);
        Server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Get_NothingListening_SaysWhichServerAndContext()
    {
        var path = Kubeconfigs.Write(Temp, Server, "token: t");
        File.WriteAllText(path, File.ReadAllText(path).Replace(Server.Url.ToString().TrimEnd('/'), "https://127.0.0.1:1", StringComparison.Ordinal));
        using var client = Kubeconfigs.Client(path, Clock);

        var error = await Should.ThrowAsync<KubeApiException>(() => client.GetVersionAsync(CancellationToken.None));

        error.Message.ShouldStartWith("cannot reach the API server at https://127.0.0.1:1/ (context \"test\"): ");
        error.Message.ShouldContain("refused");
    }

    [Fact]
    public async Task Get_SlowServer_TimesOut()
    {
        Server.Respond = _ => new FakeResponse(200, ApiObjects.Version, Delay: TimeSpan.FromSeconds(30));
        using var client = Kubeconfigs.Client(Kubeconfigs.Write(Temp, Server, "token: t"), Clock, timeout: TimeSpan.FromSeconds(50));

        var error = await Should.ThrowAsync<KubeApiException>(() => client.GetVersionAsync(CancellationToken.None));

        error.Message.ShouldBe($"GET /version: the API server at {Server.Url} did not answer within 50s");
    }

    private static string Base64(string text) => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(text));
}
