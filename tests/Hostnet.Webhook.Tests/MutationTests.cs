using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hostnet.Core.Editing;
using Hostnet.Core.Tests.Support;
using Hostnet.Webhook.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Webhook.Tests;

/// <summary>
/// /mutate returns the fix engine's JSON Patch; applied to the object, the fixed findings are gone when the object
/// is validated again.
/// </summary>
public sealed class MutationTests : IClassFixture<MutationTests.Server>
{
    private readonly TestWebhook _webhook;

    public MutationTests(Server server) => _webhook = server.Webhook;

    public static TheoryData<string> Kinds() =>
        ["pod", "deployment", "replicaset", "statefulset", "daemonset", "job", "cronjob", "replicationcontroller"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Mutate_Create_PatchFixesWhatValidateDenied(string kind)
    {
        var review = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.TestData, "reviews", kind + "-create.json")))!;
        var answer = await Answer("/mutate", review);
        answer["allowed"]!.GetValue<bool>().ShouldBeTrue();
        answer["patchType"]!.GetValue<string>().ShouldBe("JSONPatch");
        var patch = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(answer["patch"]!.GetValue<string>())))!.AsArray();
        WebhookGolden.Assert(Path.Combine("mutate", kind + "-create.json"), patch.ToJsonString() + "\n");

        var operations = patch.Select(o => new JsonPatchOperation(o!["op"]!.GetValue<string>(), o["path"]!.GetValue<string>(), o["value"]?.DeepClone(), o["from"]?.GetValue<string>()));
        review["request"]!["object"] = JsonPatchApplier.Apply(review["request"]!["object"]!, operations);
        var after = await Answer("/validate", review);

        after["allowed"]!.GetValue<bool>().ShouldBeTrue();
        (after["warnings"]?.AsArray() ?? []).ShouldBeEmpty();
        (await Answer("/mutate", review))["patch"].ShouldBeNull();
    }

    [Fact]
    public async Task Mutate_Patched_LogsWhatThePatchChanges()
    {
        var review = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.TestData, "reviews", "pod-create.json")))!;

        await Answer("/mutate", review);

        _webhook.Logs.ShouldContain(l => l.Contains("mutate pod-create Pod ", StringComparison.Ordinal)
            && l.Contains(": Mutated [add /spec/dnsPolicy,replace /spec/containers/0/ports/0/hostPort] in ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("pod-delete")]
    [InlineData("service-create")]
    [InlineData("pod-create-clean")]
    [InlineData("pod-create-suppressed")] // HN030 silenced by hostnet.dev/ignore-HN030: not "fixed" either, as in hostnet fix
    public async Task Mutate_NothingToFix_HasNoPatch(string name)
    {
        var review = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.TestData, "reviews", name + ".json")))!;
        var answer = await Answer("/mutate", review);
        answer["allowed"]!.GetValue<bool>().ShouldBeTrue();
        answer["patch"].ShouldBeNull();
    }

    private async Task<JsonNode> Answer(string path, JsonNode review)
    {
        using var response = await _webhook.PostAsync(path, review.ToJsonString());
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["response"]!;
    }

    /// <summary>A server whose policy turns on the fixes of the fixtures' findings (HN002 and HN030).</summary>
    public sealed class Server : IAsyncLifetime
    {
        public TestWebhook Webhook { get; private set; } = null!;

        public async Task InitializeAsync() => Webhook = await TestWebhook.StartAsync("mode: enforce\nmutations: [HN002, HN030]\n");

        public async Task DisposeAsync() => await Webhook.DisposeAsync();
    }
}
