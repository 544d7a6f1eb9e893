using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hostnet.Core.Tests.Support;
using Hostnet.Webhook.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Webhook.Tests;

/// <summary>
/// Every AdmissionReview under <c>testdata/reviews/</c> (every workload kind with every operation, and the special
/// cases) goes to the real server over TLS; the answer must equal <c>testdata/golden/NAME.json</c>.
/// </summary>
public sealed class AdmissionFixtureTests : IClassFixture<AdmissionFixtureTests.Server>
{
    private readonly Server _server;

    public AdmissionFixtureTests(Server server) => _server = server;

    public static TheoryData<string> Reviews() =>
        [.. Directory.GetFiles(Path.Combine(RepositoryPaths.TestData, "reviews"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Reviews))]
    public async Task Validate_Review_AnswersAsGolden(string name)
    {
        var review = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.TestData, "reviews", name + ".json"));
        using var response = await _server.Webhook.PostAsync("/validate", review);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        answer["response"]!["uid"]!.GetValue<string>().ShouldBe(JsonNode.Parse(review)!["request"]!["uid"]!.GetValue<string>());
        WebhookGolden.Assert(Path.Combine("validate", name + ".json"), answer.ToJsonString(Indented) + "\n");
    }

    [Fact]
    public async Task Validate_UpdateIntroducingAFinding_IsDenied_ButAPreexistingOneOnlyWarns()
    {
        var introduced = await Answer("pod-update.json");
        introduced["allowed"]!.GetValue<bool>().ShouldBeFalse();
        var preexisting = await Answer("pod-update-preexisting.json");
        preexisting["allowed"]!.GetValue<bool>().ShouldBeTrue();
        preexisting["warnings"]!.AsArray().ShouldContain(w => w!.GetValue<string>().StartsWith("HN002", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Log_AtInformation_HasTheUidButNoObjectContents()
    {
        await Answer("pod-create.json");
        var info = _server.Webhook.Logs.Where(l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains("pod-create ", StringComparison.Ordinal)).ToList();
        info.ShouldNotBeEmpty();
        info.ShouldAllBe(l => l.Contains("validate pod-create Pod monitoring/agent CREATE dryRun=False: Denied [HN030,HN002]", StringComparison.Ordinal));
        info.ShouldAllBe(l => !l.Contains("example.com/agent", StringComparison.Ordinal) && !l.Contains("8080", StringComparison.Ordinal));
        _server.Webhook.Logs.ShouldContain(l => l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("pod-create Deny: HN002", StringComparison.Ordinal));
    }

    private async Task<JsonNode> Answer(string file)
    {
        var review = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.TestData, "reviews", file));
        using var response = await _server.Webhook.PostAsync("/validate", review);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["response"]!;
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One server for the whole class (starting Kestrel is the slow part).</summary>
    public sealed class Server : IAsyncLifetime
    {
        public TestWebhook Webhook { get; private set; } = null!;

        public async Task InitializeAsync() => Webhook = await TestWebhook.StartAsync();

        public async Task DisposeAsync() => await Webhook.DisposeAsync();
    }
}
