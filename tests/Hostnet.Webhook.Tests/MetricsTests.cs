using Hostnet.Core.Admission;
using Hostnet.Core.Tests.Support;
using Hostnet.Webhook.Metrics;
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

    /// <summary>
    /// The series a review counts into are cached by kind, then by endpoint, operation and verdict (and findings by rule,
    /// then action): generated requests, labels outside the handler's sets among them, land each in its own series.
    /// </summary>
    [Fact]
    public async Task RecordRequestAndFinding_GeneratedLabels_CountEachInItsOwnSeries()
    {
        var metrics = new WebhookMetrics();
        var random = new Random(16);
        string[] endpoints = ["validate", "mutate", "other-endpoint"];
        string[] kinds = ["Pod", "Deployment", "DaemonSet", "other"];
        string[] operations = ["CREATE", "UPDATE", "DELETE", "CONNECT", "other", "PATCH"];
        var verdicts = Enum.GetValues<AdmissionVerdict>();
        var actions = Enum.GetValues<PolicyAction>();
        var requests = new Dictionary<string, int>(StringComparer.Ordinal);
        var findings = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 3000; i++)
        {
            var (endpoint, kind, operation, verdict) = (Pick(endpoints), Pick(kinds), Pick(operations), Pick(verdicts));
            // A new string each time: the series must not depend on which instance a label comes in.
            metrics.RecordRequest(new string(endpoint), new string(kind), new string(operation), verdict, 0.001);
            var series = $"hostnet_webhook_requests_total{{endpoint=\"{endpoint}\",kind=\"{kind}\",operation=\"{operation}\",verdict=\"{VerdictLabel(verdict)}\"}}";
            requests[series] = requests.GetValueOrDefault(series) + 1;

            var (rule, action) = ("HN0" + random.Next(10, 16), Pick(actions));
            metrics.RecordFinding(rule, action);
            var finding = $"hostnet_webhook_findings_total{{rule=\"{rule}\",action=\"{action.ToString().ToLowerInvariant()}\"}}";
            findings[finding] = findings.GetValueOrDefault(finding) + 1;
        }

        var text = await metrics.WriteAsync(CancellationToken.None);
        var counted = text.Split('\n').Where(l => l.StartsWith("hostnet_webhook_requests_total{", StringComparison.Ordinal) || l.StartsWith("hostnet_webhook_findings_total{", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        counted.ShouldBe(requests.Concat(findings).Select(c => $"{c.Key} {c.Value}").Order(StringComparer.Ordinal));

        T Pick<T>(T[] values) => values[random.Next(values.Length)];
    }

    private static string VerdictLabel(AdmissionVerdict verdict) => verdict == AdmissionVerdict.WouldDeny ? "would_deny" : verdict.ToString().ToLowerInvariant();
}
