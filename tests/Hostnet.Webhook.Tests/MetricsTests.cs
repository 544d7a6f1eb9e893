using Hostnet.Core.Tests.Support;
using Hostnet.Webhook.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Webhook.Tests;

/// <summary>/metrics after some traffic: the families hostnet promises, valid by <c>promtool check metrics</c>.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_AfterTraffic_PassPromtoolAndCountWhatHappened()
    {
        await using var webhook = await TestWebhook.StartAsync("mode: enforce\nactions: {HN030: audit}\n");
        foreach (var review in new[] { "pod-create", "deployment-update", "service-create", "pod-create-dryrun" })
        {
            using var answer = await webhook.PostAsync("/validate", await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.TestData, "reviews", review + ".json")));
        }

        using var bad = await webhook.PostAsync("/validate", "{");
        using var response = await webhook.Client.GetAsync("/metrics");
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/plain; version=0.0.4; charset=utf-8");
        var text = await response.Content.ReadAsStringAsync();

        text.ShouldContain("hostnet_webhook_requests_total{endpoint=\"validate\",kind=\"Pod\",operation=\"CREATE\",verdict=\"denied\"} 2\n");
        text.ShouldContain("hostnet_webhook_requests_total{endpoint=\"validate\",kind=\"Deployment\",operation=\"UPDATE\",verdict=\"denied\"} 1\n");
        text.ShouldContain("hostnet_webhook_requests_total{endpoint=\"validate\",kind=\"other\",operation=\"CREATE\",verdict=\"ignored\"} 1\n");
        text.ShouldContain("hostnet_webhook_rejected_requests_total{endpoint=\"validate\",code=\"400\"} 1\n");
        // The dry run's findings are not counted: one Pod and one Deployment.
        text.ShouldContain("hostnet_webhook_findings_total{rule=\"HN002\",action=\"deny\"} 2\n");
        text.ShouldContain("hostnet_webhook_findings_total{rule=\"HN030\",action=\"audit\"} 2\n");
        text.ShouldContain("hostnet_webhook_reloads_total{source=\"policy\",result=\"success\"} 1\n");
        text.ShouldContain("hostnet_webhook_request_duration_seconds_count{endpoint=\"validate\"} 5\n");
        Promtool.CheckMetrics(text).ShouldBe((0, string.Empty));
    }
}
