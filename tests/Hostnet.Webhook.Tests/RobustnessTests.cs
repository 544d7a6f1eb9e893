using System.Net;
using System.Text;
using Hostnet.Webhook.Tests.Support;
using Shouldly;
using Xunit;

namespace Hostnet.Webhook.Tests;

/// <summary>Bad requests get one line of text with HTTP 400 or 413 and never take the server down.</summary>
public sealed class RobustnessTests : IClassFixture<AdmissionFixtureTests.Server>
{
    private readonly TestWebhook _webhook;

    public RobustnessTests(AdmissionFixtureTests.Server server) => _webhook = server.Webhook;

    [Theory]
    [InlineData("{x", "malformed AdmissionReview at $ (line 1, byte 2): 'x' is an invalid start of a property name. Expected a '\"'.")]
    [InlineData("", "malformed AdmissionReview at $ (line 1, byte 1): The input does not contain any JSON tokens. Expected the input to start with a valid JSON token, when isFinalBlock is true.")]
    [InlineData("null", "the body is not an AdmissionReview (null)")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\"}", "the AdmissionReview has no request")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1beta1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"1\"}}", "only admission.k8s.io/v1 AdmissionReviews are served, not \"admission.k8s.io/v1beta1\"")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",\"request\":{\"kind\":{\"kind\":\"Pod\"}}}", "the AdmissionReview's request has no uid")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",\"request\":{\"uid\":\"1\",\"operation\":\"CREATE\",\"kind\":{\"kind\":\"Pod\"},\"object\":null}}", "the AdmissionReview's request has no object (only a DELETE may have none; the operation is CREATE)")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",\"request\":{\"uid\":\"1\",\"operation\":\"UPDATE\",\"kind\":{\"kind\":\"Pod\"}}}", "the AdmissionReview's request has no object (only a DELETE may have none; the operation is UPDATE)")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",\"request\":{\"uid\":\"1\",\"operation\":\"CREATE\",\"kind\":{\"kind\":\"Pod\"},\"object\":\"{\\\"kind\\\":\\\"Pod\\\"}\"}}", "the AdmissionReview's request.object is a string, not an object")]
    // The object is only marked in the body, not built (RawJson): what is wrong inside it is still found, where it is.
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",\"request\":{\"uid\":\"u\",\"operation\":\"CREATE\",\"kind\":{\"kind\":\"Pod\"},\"object\":{\"a\":[1,2}}}", "malformed AdmissionReview at $.request.object (line 1, byte 119): '}' is invalid without a matching open.")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",\"request\":{\"uid\":\"u\",\"operation\":\"CREATE\",\"kind\":{\"kind\":\"Pod\"},\"object\":{\"a\":1}x}}", "malformed AdmissionReview at $.request (line 1, byte 117): 'x' is invalid after a value. Expected either ',', '}', or ']'.")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",\"request\":{\"uid\":\"u\",\"operation\":\"CREATE\",\"kind\":{\"kind\":\"Pod\"},\"object\":[{\"kind\":\"Pod\"}]}}", "the AdmissionReview's request.object is an array, not an object")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",\"request\":{\"uid\":7}}", "malformed AdmissionReview at $.request.uid (line 1, byte 55): the value has the wrong JSON type for this field.")]
    public async Task Validate_BadBody_Is400WithOneLine(string body, string message)
    {
        using var response = await _webhook.PostAsync("/validate", body);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldBe(message + "\n");
    }

    [Fact]
    public async Task Validate_ObjectThatIsNotUtf8_Is400WithOneLine()
    {
        byte[] body = [.. "{\"apiVersion\":\"admission.k8s.io/v1\",\"request\":{\"uid\":\"u\",\"operation\":\"CREATE\",\"kind\":{\"kind\":\"Pod\"},\"object\":{\"kind\":\"Pod\",\"x\":\""u8, 0xFF, 0xFE, .. "\"}}}"u8];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await _webhook.Client.PostAsync("/validate", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldBe("the AdmissionReview's request.object is not valid UTF-8\n");
    }

    [Fact]
    public async Task Validate_BodyOver3MiB_Is413()
    {
        var padding = new string(' ', 3 * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/validate")
        {
            Content = new StringContent("{\"apiVersion\":\"admission.k8s.io/v1\"," + padding + "\"request\":{}}", Encoding.UTF8, "application/json"),
        };

        // The server answers from the Content-Length alone; with 100-continue the client then never sends the body.
        request.Headers.ExpectContinue = true;
        using var response = await _webhook.Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).ShouldBe("the request body is larger than the 3 MiB limit\n");
    }

    [Fact]
    public async Task Validate_ChunkedBodyOver3MiB_Is413()
    {
        var padding = Encoding.UTF8.GetBytes("{\"apiVersion\":\"admission.k8s.io/v1\",\"x\":\"" + new string('a', 3 * 1024 * 1024) + "\"}");
        using var content = new StreamContent(new MemoryStream(padding));
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mutate") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await _webhook.Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Endpoints_AfterBadRequests_StillAnswer()
    {
        using var bad = await _webhook.PostAsync("/validate", "[[[[");
        using var health = await _webhook.Client.GetAsync("/healthz");
        (await health.Content.ReadAsStringAsync()).ShouldBe("ok\n");
        using var ready = await _webhook.Client.GetAsync("/readyz");
        (await ready.Content.ReadAsStringAsync()).ShouldBe("ready\n");
    }

    [Fact]
    public async Task Plaintext_IsNotServed()
    {
        using var plain = new HttpClient();
        await Should.ThrowAsync<HttpRequestException>(() => plain.GetAsync(new Uri($"http://127.0.0.1:{_webhook.Server.Address.Port}/healthz")));
    }
}
