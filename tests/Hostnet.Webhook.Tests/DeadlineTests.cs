using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Hostnet.Webhook.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Webhook.Tests;

/// <summary>
/// Deadlines and limits of the webhook (issue 15), on a real server over TLS: a review is answered whole, or refused
/// with one line before the API server's timeout; slow bodies and floods of connections are cut off and counted.
/// </summary>
public sealed class DeadlineTests
{
    private const string Review = """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u1","kind":{"group":"","version":"v1","kind":"Pod"},"operation":"CREATE","namespace":"default","object":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"hostNetwork":true,"containers":[{"name":"c","image":"nginx","ports":[{"containerPort":80,"hostPort":80}]}]}}}}""";

    [Fact]
    public async Task SlowBody_Is408AtTheDeadline_CountedAsATimeout_LoggedOnceWithoutStackTrace()
    {
        await using var webhook = await TestWebhook.StartAsync(configure: o => o with { RequestTimeout = TimeSpan.FromSeconds(1) });

        var (status, body) = await webhook.PostHalfAsync("/validate", Review, TimeSpan.FromSeconds(15));

        status.ShouldBe((int)HttpStatusCode.RequestTimeout);
        body.ShouldBe("the request body did not arrive within 1s\n");
        var metrics = await Metrics(webhook);
        metrics.ShouldContain("hostnet_webhook_timeouts_total{endpoint=\"validate\",stage=\"body\"} 1\n");
        metrics.ShouldContain("hostnet_webhook_rejected_requests_total{endpoint=\"validate\",code=\"408\"} 1\n");
        metrics.ShouldNotContain("verdict=\"denied\"");
        // "HTTP 408", not "408": the "Now listening on" line names a random port, which can contain 408 (it did: 40805).
        webhook.Logs.Where(l => l.Contains("HTTP 408", StringComparison.Ordinal)).ShouldHaveSingleItem()
            .ShouldBe("Warning Hostnet.Webhook.Admission.AdmissionHandler: validate refused with HTTP 408: the request body did not arrive within 1s");
        webhook.Logs.ShouldNotContain(l => l.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SlowBody_KestrelCannotDrainTheRest_LogsNoStackTrace()
    {
        // After the 408, Kestrel drains the body the handler stopped reading and cannot (its reader was cancelled): it
        // logs that (event 67, RequestBodyDrainBodyReaderInvalidState) as an Error with the exception, which the JSON
        // console prints with its stack trace, once per slow client (issue 15). WebhookServer filters Kestrel's
        // category to Critical; this fails if the filter goes.
        await using var webhook = await TestWebhook.StartAsync(configure: o => o with { RequestTimeout = TimeSpan.FromMilliseconds(500) });

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => webhook.PostHalfAsync("/validate", Review, TimeSpan.FromSeconds(15), untilServerCloses: true)));

        answers.ShouldAllBe(a => a.Status == (int)HttpStatusCode.RequestTimeout);
        webhook.LogEntries.ShouldNotContain(e => e.Exception != null);
        webhook.LogEntries.ShouldNotContain(e => e.Category.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BigReviewsInParallel_EachAnsweredWholeOr504_NeverATruncated200()
    {
        // Twenty-four Pods of 3,000 containers on host ports, reviewed one at a time, take far longer than a 300 ms
        // deadline (each review takes tens of milliseconds, even warm on a quiet machine): the later ones are past it
        // while waiting or being checked.
        await using var webhook = await TestWebhook.StartAsync(configure: o => o with { RequestTimeout = TimeSpan.FromMilliseconds(300), MaxConcurrentReviews = 1 });
        var big = BigPodReview(3000);

        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(async _ =>
        {
            using var client = webhook.CreateClient();
            using var response = await client.PostAsync("/validate", new StringContent(big, Encoding.UTF8, "application/json"));
            var bytes = await response.Content.ReadAsByteArrayAsync();
            return (response.StatusCode, Length: response.Content.Headers.ContentLength, Text: Encoding.UTF8.GetString(bytes), Bytes: bytes.Length);
        }));

        foreach (var answer in answers)
        {
            answer.Length.ShouldBe(answer.Bytes);
            if (answer.StatusCode == HttpStatusCode.OK)
            {
                JsonNode.Parse(answer.Text)!["response"]!["uid"]!.GetValue<string>().ShouldBe("big");
            }
            else if (answer.StatusCode == HttpStatusCode.RequestTimeout)
            {
                // On a busy machine a big body can itself take longer than the deadline to arrive: refused whole too.
                answer.Text.ShouldStartWith("the request body did not arrive within 0.3s");
            }
            else
            {
                answer.StatusCode.ShouldBe(HttpStatusCode.GatewayTimeout);
                answer.Text.ShouldBe("the review did not finish within 0.3s (the API server applies the webhook's failurePolicy)\n");
            }
        }

        answers.ShouldContain(a => a.StatusCode == HttpStatusCode.GatewayTimeout);
        var metrics = await Metrics(webhook);
        var timedOut = answers.Count(a => a.StatusCode == HttpStatusCode.GatewayTimeout);
        metrics.ShouldContain($"hostnet_webhook_timeouts_total{{endpoint=\"validate\",stage=\"review\"}} {timedOut}\n");
        metrics.ShouldContain($"hostnet_webhook_rejected_requests_total{{endpoint=\"validate\",code=\"504\"}} {timedOut}\n");
        var denied = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
        if (denied == 0)
        {
            metrics.ShouldNotContain("verdict=\"denied\"");
        }
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("2.0")]
    public async Task ReviewOverrunningItsDeadline_Is504FromTheDeadline_ItsLateDecisionNeverAnswered_TheConnectionServesTheNext(string httpVersion)
    {
        // One review at a time, so a free slot: a 504 can only come from the core overrunning the deadline while it
        // decides on the request's thread, answered by the deadline from another thread (AdmissionHandler.DeadlineRace).
        // HTTP/2 too, which the API server's client speaks: there the deadline completes the response (its stream ends
        // with the 504, not when the core is done).
        await using var webhook = await TestWebhook.StartAsync(configure: o => o with { RequestTimeout = TimeSpan.FromMilliseconds(15) });
        var big = BigPodReview(8000);
        using var client = webhook.CreateClient();
        client.DefaultRequestVersion = Version.Parse(httpVersion);
        client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;

        var answers = new List<(HttpStatusCode Status, string Text, long? Length, int Bytes)>();
        while (answers.Count < 20 && !answers.Exists(a => a.Status == HttpStatusCode.GatewayTimeout))
        {
            // The core may be done in time (200), or the body itself may take longer than the deadline to arrive (408): again.
            using var response = await client.PostAsync("/validate", new StringContent(big, Encoding.UTF8, "application/json"));
            response.Version.ShouldBe(Version.Parse(httpVersion));
            var bytes = await response.Content.ReadAsByteArrayAsync();
            answers.Add((response.StatusCode, Encoding.UTF8.GetString(bytes), response.Content.Headers.ContentLength, bytes.Length));
        }

        // The same kept-alive connection: its next request is read only once the late review's handler has returned.
        using var next = await client.PostAsync("/validate", new StringContent(Review.Replace("\"u1\"", "\"u2\"", StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        var nextText = await next.Content.ReadAsStringAsync();

        answers.Select(a => a.Status).ShouldContain(HttpStatusCode.GatewayTimeout);
        foreach (var answer in answers)
        {
            answer.Length.ShouldBe(answer.Bytes);
            switch (answer.Status)
            {
                case HttpStatusCode.OK:
                    JsonNode.Parse(answer.Text)!["response"]!["uid"]!.GetValue<string>().ShouldBe("big");
                    break;
                case HttpStatusCode.RequestTimeout:
                    answer.Text.ShouldBe("the request body did not arrive within 0.015s\n");
                    break;
                default:
                    answer.Status.ShouldBe(HttpStatusCode.GatewayTimeout);
                    answer.Text.ShouldBe("the review did not finish within 0.015s (the API server applies the webhook's failurePolicy)\n");
                    break;
            }
        }

        next.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonNode.Parse(nextText)!["response"]!["uid"]!.GetValue<string>().ShouldBe("u2");
        var metrics = await Metrics(webhook);
        metrics.ShouldContain("hostnet_webhook_timeouts_total{endpoint=\"validate\",stage=\"review\"} 1\n");
        metrics.ShouldContain("hostnet_webhook_rejected_requests_total{endpoint=\"validate\",code=\"504\"} 1\n");
        // The late decision was dropped: only the reviews answered 200 have their answer's log line.
        webhook.Logs.Count(l => l.Contains("validate big ", StringComparison.Ordinal)).ShouldBe(answers.Count(a => a.Status == HttpStatusCode.OK));
        webhook.Logs.Where(l => l.Contains("HTTP 504", StringComparison.Ordinal)).ShouldHaveSingleItem()
            .ShouldBe("Warning Hostnet.Webhook.Admission.AdmissionHandler: validate refused with HTTP 504: the review did not finish within 0.015s (the API server applies the webhook's failurePolicy)");
    }

    [Fact]
    public async Task ConnectionsBeyondTheLimit_AreClosedAtOnce()
    {
        await using var webhook = await TestWebhook.StartAsync();
        var sockets = new List<Socket>();
        try
        {
            for (var i = 0; i < 256 + 8; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Loopback, webhook.Server.Address.Port);
                sockets.Add(socket);
            }

            // Kestrel closes the connections over MaxConcurrentConnections at once; the others wait for a TLS handshake (10 s).
            // Which 8 are over the limit is the accept order, not always the connect order on a loaded machine: count them all.
            var closed = await Task.WhenAll(sockets.Select(ClosedWithin3s));
            closed.Count(c => c).ShouldBeGreaterThanOrEqualTo(8);
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }
    }

    private static async Task<bool> ClosedWithin3s(Socket socket)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            return await socket.ReceiveAsync(new byte[1], SocketFlags.None, wait.Token) == 0;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    private static string BigPodReview(int containers)
    {
        var list = string.Join(',', Enumerable.Range(0, containers).Select(i =>
            "{\"name\":\"c" + i + "\",\"image\":\"nginx\",\"ports\":[{\"containerPort\":" + (1000 + i) + ",\"hostPort\":" + (1000 + i)
            + "}],\"readinessProbe\":{\"httpGet\":{\"port\":" + (30000 + i) + "}}}"));
        return "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"big\",\"kind\":{\"group\":\"\",\"version\":\"v1\",\"kind\":\"Pod\"},"
            + "\"operation\":\"CREATE\",\"namespace\":\"default\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"big\"},"
            + "\"spec\":{\"hostNetwork\":true,\"containers\":[" + list + "]}}}}";
    }

    private static async Task<string> Metrics(TestWebhook webhook)
    {
        using var response = await webhook.Client.GetAsync("/metrics");
        return await response.Content.ReadAsStringAsync();
    }
}
