using System.Net;
using System.Text.Json.Nodes;
using Hostnet.Core.Tests.Support;
using Hostnet.Webhook.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Webhook.Tests;

/// <summary>Certificates and policy change on disk while the server serves.</summary>
public sealed class ReloadTests
{
    private static readonly string PodCreate = File.ReadAllText(Path.Combine(RepositoryPaths.TestData, "reviews", "pod-create.json"));

    [Fact]
    public async Task Certificate_RotatedOnDisk_IsServedToNewConnections()
    {
        await using var webhook = await TestWebhook.StartAsync();
        using (var before = await webhook.Client.GetAsync("/healthz"))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var first = webhook.ServedThumbprints.ShouldHaveSingleItem();
        webhook.RotateCertificates();
        await Eventually(() => webhook.Server.Certificates.Current!.Thumbprint != first);

        using var fresh = webhook.CreateClient();
        using var after = await fresh.GetAsync("/healthz");
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        webhook.ServedThumbprints.Last().ShouldNotBe(first);
        webhook.Logs.Count(l => l.Contains("certificate", StringComparison.Ordinal) && l.Contains("loaded:", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task Certificate_HalfWritten_KeepsTheLastGoodOne()
    {
        await using var webhook = await TestWebhook.StartAsync();
        var good = webhook.Server.Certificates.Current!.Thumbprint;
        await File.WriteAllTextAsync(Path.Combine(webhook.Folder, "tls.key"), "-----BEGIN PRIVATE KEY-----\ntruncated");
        await Eventually(async () => (await webhook.Server.Metrics.WriteAsync(CancellationToken.None)).Contains("source=\"certificate\",result=\"failure\"", StringComparison.Ordinal));
        webhook.Server.Certificates.Current!.Thumbprint.ShouldBe(good);
        using var fresh = webhook.CreateClient();
        using var ready = await fresh.GetAsync("/readyz");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Policy_ChangedDuringConcurrentRequests_EveryAnswerFollowsOnePolicy()
    {
        await using var webhook = await TestWebhook.StartAsync("mode: enforce\n");
        using var cancel = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !cancel.IsCancellationRequested; i++)
            {
                await File.WriteAllTextAsync(webhook.PolicyPath, i % 2 == 0 ? "mode: warn\n" : "mode: enforce\n");
                webhook.Server.Policies.Reload();
                await Task.Delay(5);
            }
        });
        var clients = Enumerable.Range(0, 4).Select(_ => webhook.CreateClient()).ToArray();
        var answers = await Task.WhenAll(clients.Select(async client =>
        {
            var verdicts = new List<(bool Allowed, bool Warned)>();
            for (var i = 0; i < 50; i++)
            {
                using var response = await client.PostAsync("/validate", new StringContent(PodCreate));
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["response"]!;
                verdicts.Add((answer["allowed"]!.GetValue<bool>(), answer["warnings"]!.AsArray().Count == 2));
            }

            return verdicts;
        }));
        await cancel.CancelAsync();
        await writer;
        foreach (var client in clients)
        {
            client.Dispose();
        }

        // enforce: denied with HN030 warned; warn: admitted with HN030 and HN002 warned. Nothing in between.
        answers.SelectMany(a => a).ShouldAllBe(a => a.Allowed == a.Warned);
        (await webhook.Server.Metrics.WriteAsync(CancellationToken.None)).ShouldContain("hostnet_webhook_reloads_total{source=\"policy\",result=\"success\"}");
    }

    [Fact]
    public async Task Policy_BadFile_KeepsTheLastGoodPolicyAndLogsWhy()
    {
        await using var webhook = await TestWebhook.StartAsync("mode: warn\n");
        await File.WriteAllTextAsync(webhook.PolicyPath, "mode: loud\nhostNetwork: [x]\n");

        // The watcher may first see the file half written (and reject that too): wait for the whole file's errors.
        string[] expected = ["policy.yaml:1:7: mode must be enforce, warn or dryrun", "policy.yaml:2:14: hostNetwork must be a mapping"];
        await Eventually(() => expected.All(e => webhook.Logs.Any(l => l.EndsWith(e, StringComparison.Ordinal)))
            && webhook.Logs.Any(l => l.Contains("keeping the last good policy", StringComparison.Ordinal)));
        webhook.Server.Policies.Current.Mode.ShouldBe(Core.Admission.PolicyMode.Warn);
        foreach (var error in expected)
        {
            webhook.Logs.ShouldContain(l => l.EndsWith(error, StringComparison.Ordinal));
        }
        using var ready = await webhook.Client.GetAsync("/readyz");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Stop_WithARequestInFlight_AnswersItFirst()
    {
        var webhook = await TestWebhook.StartAsync();
        var body = new SlowContent(PodCreate);
        var pending = webhook.Client.PostAsync("/validate", body);
        await body.Started.Task;
        await Task.Delay(200); // the server has read the headers: the request is in flight, not an idle connection
        var stopping = webhook.Server.StopAsync();
        body.Finish();
        using var response = await pending;
        await stopping;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"uid\":\"pod-create\"");
        await webhook.DisposeAsync();
    }

    private static Task Eventually(Func<bool> condition) => Eventually(() => Task.FromResult(condition()));

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var waited = 0; waited < 10_000 && !await condition(); waited += 50)
        {
            await Task.Delay(50);
        }

        (await condition()).ShouldBeTrue();
    }
}
