using System.Text;
using Hostnet.Kube.Config;
using Hostnet.Kube.Http;
using Hostnet.Kube.Listing;
using Hostnet.Kube.Snapshot;
using Hostnet.Kube.Tests.Support;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Xunit;

namespace Hostnet.Kube.Tests.Http;

/// <summary>
/// Answers no API server gives, from a real server on loopback (issue 15): each must end in one clear error naming the
/// server and the path, never in a hang, an out-of-memory crash or a stack trace.
/// </summary>
public sealed class HostileServerTests : FakeServerTestBase
{
    private static readonly ApiResource Pods = SnapshotResources.All.Single(r => r.Kind == "Pod");

    /// <summary>A guard for tests of hangs: a run that never ends fails the test instead of blocking the suite.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task GetVersion_BodyOver1MiB_StopsReadingThere()
    {
        // 16 MiB of JSON whitespace before the object: valid JSON, so only a size limit stops it.
        Server.Respond = _ => Streamed("", 16, (byte)' ', ApiObjects.Version);
        using var client = Client("token: t");

        var error = await Should.ThrowAsync<KubeApiException>(() => client.GetVersionAsync(CancellationToken.None).WaitAsync(Guard));

        error.Message.ShouldBe($"GET /version: the API server at {Server.Url} sent more than 1 MiB; hostnet stopped reading there (docs/snapshot.md, \"Limits\")");
    }

    [Fact]
    public async Task List_StringOver3MiB_StopsReadingThere()
    {
        Server.Respond = _ => Streamed("{\"kind\":\"PodList\",\"items\":[{\"metadata\":{\"name\":\"", 4, (byte)'a', "\"}}]}");
        using var client = Client("token: t");

        var error = await Should.ThrowAsync<KubeApiException>(
            () => new ListPager(client).ListAsync(Pods, _ => { }, null, CancellationToken.None).WaitAsync(Guard));

        error.Message.ShouldBe($"GET /api/v1/pods?limit=500: the API server at {Server.Url} sent a string longer than 3 MiB; hostnet stopped reading there (docs/snapshot.md, \"Limits\")");
    }

    [Fact]
    public async Task List_PageOverLimitTimes3MiB_StopsReadingThere()
    {
        // Eight 512 KiB items on a page of limit=1: no single string is too long, the page is.
        var item = "{\"metadata\":{\"name\":\"p\",\"annotations\":{\"a\":\"" + new string('a', 512 * 1024) + "\"}}}";
        Server.Respond = _ => FakeResponse.Json("{\"kind\":\"PodList\",\"items\":[" + string.Join(',', Enumerable.Repeat(item, 8)) + "]}");
        using var client = Client("token: t");

        var error = await Should.ThrowAsync<KubeApiException>(
            () => new ListPager(client, pageSize: 1).ListAsync(Pods, _ => { }, null, CancellationToken.None).WaitAsync(Guard));

        error.Message.ShouldBe($"GET /api/v1/pods?limit=1: the API server at {Server.Url} sent more than 3 MiB; hostnet stopped reading there (docs/snapshot.md, \"Limits\")");
    }

    [Fact]
    public async Task List_SameContinueTokenForever_StopsPaging()
    {
        Server.Respond = _ => FakeResponse.Json(ApiObjects.List("v1", "Pod", [ApiObjects.Pod("apps", "p")], "again"));
        using var client = Client("token: t");

        var error = await Should.ThrowAsync<KubeApiException>(
            () => new ListPager(client, pageSize: 1).ListAsync(Pods, _ => { }, null, CancellationToken.None).WaitAsync(Guard));

        error.Message.ShouldBe(
            $"GET /api/v1/pods?limit=1&continue=again: the API server at {Server.Url} answered with a continue token it had sent before; hostnet stopped paging instead of listing forever");
        Server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task GetVersion_200WithHtml_SaysTheBodyIsNotJson()
    {
        Server.Respond = _ => FakeResponse.Json("<html>login</html>");
        using var client = Client("token: t");

        var error = await Should.ThrowAsync<KubeApiException>(() => client.GetVersionAsync(CancellationToken.None));

        error.Message.ShouldStartWith($"GET /version: the API server at {Server.Url} answered with a body that is not the JSON expected: '<' is an invalid start of a value.");
        error.Message.ShouldNotContain("\n");
    }

    [Fact]
    public async Task List_ConnectionClosedMidPage_NamesServerAndPath()
    {
        Server.Respond = _ => FakeResponse.Streamed(async context =>
        {
            await context.Response.WriteAsync("{\"kind\":\"PodList\",\"items\":[{\"metadata\":{\"name\":\"a\"}},");
            await context.Response.Body.FlushAsync();
            context.Abort();
        });
        using var client = Client("token: t");

        var error = await Should.ThrowAsync<KubeApiException>(() => new ListPager(client).ListAsync(Pods, _ => { }, null, CancellationToken.None));

        error.Message.ShouldStartWith($"GET /api/v1/pods?limit=500: the connection to the API server at {Server.Url} closed before the whole answer came: ");
        error.Message.ShouldNotContain("\n");
    }

    [Theory]
    [InlineData("abc\\r\\ndef")]
    [InlineData("abc\\ndef")]
    public async Task Token_WithLineBreak_IsRefusedBeforeSending(string token)
    {
        Server.Respond = _ => FakeResponse.Json(ApiObjects.Version);
        using var client = Client($"token: \"{token}\"");

        var error = await Should.ThrowAsync<KubeConfigException>(() => client.GetVersionAsync(CancellationToken.None));

        error.Message.ShouldBe("the bearer token of context \"test\" contains a line break or another control character; a token is one line of printable text");
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task TokenFile_Empty_IsAnError()
    {
        var tokenPath = Temp.Write("kube/token", "\n");
        Server.Respond = _ => FakeResponse.Json(ApiObjects.Version);
        using var client = Client($"tokenFile: {tokenPath}");

        var error = await Should.ThrowAsync<KubeConfigException>(() => client.GetVersionAsync(CancellationToken.None));

        error.Message.ShouldBe($"read empty token from file \"{tokenPath}\"");
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ServerUrlWithPassword_IsNeverPrintedWithIt()
    {
        var path = Kubeconfigs.Write(Temp, Server, "token: t");
        File.WriteAllText(path, File.ReadAllText(path).Replace("https://", "https://admin:s3cret@", StringComparison.Ordinal));
        Server.Respond = _ => FakeResponse.Error(401, "Unauthorized", "Unauthorized");
        using var client = Kubeconfigs.Client(path, Clock);

        var error = await Should.ThrowAsync<KubeApiException>(() => client.GetVersionAsync(CancellationToken.None));

        error.Message.ShouldContain($"the API server at https://admin:xxxxx@{Server.Url.Authority}/ rejected");
        error.Message.ShouldNotContain("s3cret");
    }

    private KubeApiClient Client(string userYaml) => Kubeconfigs.Client(Kubeconfigs.Write(Temp, Server, userYaml), Clock);

    /// <summary>A 200 body: <paramref name="prefix"/>, <paramref name="mebibytes"/> MiB of <paramref name="fill"/>, <paramref name="suffix"/>.</summary>
    private static FakeResponse Streamed(string prefix, int mebibytes, byte fill, string suffix) => FakeResponse.Streamed(async context =>
    {
        await context.Response.WriteAsync(prefix, context.RequestAborted);
        var chunk = new byte[1024 * 1024];
        Array.Fill(chunk, fill);
        for (var i = 0; i < mebibytes; i++)
        {
            await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
        }

        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(suffix), context.RequestAborted);
    });
}
