using System.Text.Json;
using System.Text.Json.Nodes;
using Hostnet.Kube.Listing;
using Hostnet.Kube.Snapshot;
using Hostnet.Kube.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Kube.Tests.Listing;

public sealed class ListPagerTests : FakeServerTestBase
{
    private static readonly ApiResource Pods = SnapshotResources.All.Single(r => r.Kind == "Pod");

    [Fact]
    public async Task List_ThreePages_FollowsContinueWithTheLimit()
    {
        var pods = Enumerable.Range(0, 5).Select(i => ApiObjects.Pod("apps", $"p{i}")).ToList();
        Server.Respond = r => r.Query("continue") switch
        {
            null => FakeResponse.Json(ApiObjects.List("v1", "Pod", pods.Take(2), "token-2", remaining: 3)),
            "token-2" => FakeResponse.Json(ApiObjects.List("v1", "Pod", pods.Skip(2).Take(2), "token-4", remaining: 1)),
            _ => FakeResponse.Json(ApiObjects.List("v1", "Pod", pods.Skip(4))),
        };
        using var client = Kubeconfigs.Client(Kubeconfigs.Write(Temp, Server, "token: t"), Clock);
        var names = new List<string>();
        var progress = new List<ListProgress>();

        var count = await new ListPager(client, pageSize: 2).ListAsync(Pods, item => names.Add(NameOf(item)), progress.Add, CancellationToken.None);

        count.ShouldBe(5);
        names.ShouldBe(["p0", "p1", "p2", "p3", "p4"]);
        Server.Requests.Select(r => r.PathAndQuery).ShouldBe(["/api/v1/pods?limit=2", "/api/v1/pods?limit=2&continue=token-2", "/api/v1/pods?limit=2&continue=token-4"]);
        progress.Select(p => (p.Items, p.Remaining)).ShouldBe([(2, 3L), (4, 1L), (5, (long?)null)]);
    }

    [Fact]
    public async Task List_410GoneMidList_RestartsFromTheBeginningWithoutDuplicates()
    {
        var pods = Enumerable.Range(0, 4).Select(i => ApiObjects.Pod("apps", $"p{i}")).ToList();
        var expired = false;
        Server.Respond = r =>
        {
            if (r.Query("continue") == "old" && !expired)
            {
                expired = true;
                return ApiObjects.Expired();
            }

            return r.Query("continue") switch
            {
                null when !expired => FakeResponse.Json(ApiObjects.List("v1", "Pod", pods.Take(2), "old")),
                null => FakeResponse.Json(ApiObjects.List("v1", "Pod", pods.Take(3), "new")),
                _ => FakeResponse.Json(ApiObjects.List("v1", "Pod", pods.Skip(3))),
            };
        };
        using var client = Kubeconfigs.Client(Kubeconfigs.Write(Temp, Server, "token: t"), Clock);
        var names = new List<string>();

        var count = await new ListPager(client, pageSize: 2).ListAsync(Pods, item => names.Add(NameOf(item)), null, CancellationToken.None);

        names.ShouldBe(["p0", "p1", "p2", "p3"]);
        count.ShouldBe(4);
        Server.Requests.Select(r => r.Query("continue")).ShouldBe([null, "old", null, "new"]);
    }

    [Fact]
    public async Task List_AlwaysExpired_GivesUpAfterMaxRestarts()
    {
        Server.Respond = r => r.Query("continue") is null
            ? FakeResponse.Json(ApiObjects.List("v1", "Pod", [ApiObjects.Pod("a", "p")], "soon-stale"))
            : ApiObjects.Expired();
        using var client = Kubeconfigs.Client(Kubeconfigs.Write(Temp, Server, "token: t"), Clock);

        var error = await Should.ThrowAsync<Hostnet.Kube.Http.KubeApiException>(
            () => new ListPager(client, pageSize: 1).ListAsync(Pods, _ => { }, null, CancellationToken.None));

        error.Message.ShouldStartWith("GET /api/v1/pods?limit=1&continue=soon-stale: 410 Expired: The provided continue parameter is too old");
        Server.Requests.Count.ShouldBe(2 * (ListPager.MaxRestarts + 1));
    }

    private static string NameOf(JsonElement item) => item.GetProperty("metadata").GetProperty("name").GetString()!;

    private static JsonObject Unused() => [];
}
