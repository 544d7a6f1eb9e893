using System.Text;
using System.Text.Json;
using Hostnet.Webhook.Admission;
using Shouldly;
using Xunit;

namespace Hostnet.Webhook.Tests;

/// <summary>The review's objects are marked in the body and decoded from it: the text the checker gets is what a JsonElement's raw text was.</summary>
public sealed class RawJsonTests
{
    [Theory]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}")]
    [InlineData("{ \"metadata\" : {\"name\":\"caf\u00e9\", \"labels\":{\"a\":\"\\u00e9\\n\\\"x\\\"\"}},\n  \"spec\": {\"containers\":[ {\"name\":\"c\",\"ports\":[{\"containerPort\":80}]} ]}\n}")]
    [InlineData("{}")]
    public void BytesIn_IsTheObjectAsWritten(string json)
    {
        var body = Encoding.UTF8.GetBytes(
            "{\"apiVersion\":\"admission.k8s.io/v1\",\n \"request\":{\"uid\":\"1\",\"object\":" + json + ",\n \"oldObject\":\t" + json + " , \"dryRun\":true}}");

        var request = JsonSerializer.Deserialize(body, WebhookJson.Default.AdmissionReview)!.Request!;

        using var document = JsonDocument.Parse(body);
        var expected = document.RootElement.GetProperty("request").GetProperty("object").GetRawText();
        expected.ShouldBe(json);
        request.Object!.Value.ValueKind.ShouldBe(JsonValueKind.Object);
        Encoding.UTF8.GetString(request.Object.Value.BytesIn(body).Span).ShouldBe(expected);
        Encoding.UTF8.GetString(request.OldObject!.Value.BytesIn(body).Span).ShouldBe(expected);
        request.DryRun.ShouldBe(true);
    }

    [Theory]
    [InlineData("\"text\"", JsonValueKind.String)]
    [InlineData("12.5", JsonValueKind.Number)]
    [InlineData("[1, {\"a\": 2}]", JsonValueKind.Array)]
    [InlineData("true", JsonValueKind.True)]
    [InlineData("false", JsonValueKind.False)]
    public void Read_KnowsWhatKindOfValue(string json, JsonValueKind kind)
    {
        var body = Encoding.UTF8.GetBytes("{\"request\":{\"object\":" + json + ",\"uid\":\"1\"}}");

        var request = JsonSerializer.Deserialize(body, WebhookJson.Default.AdmissionReview)!.Request!;

        request.Object!.Value.ValueKind.ShouldBe(kind);
        Encoding.UTF8.GetString(request.Object.Value.BytesIn(body).Span).ShouldBe(json);
        request.Uid.ShouldBe("1");
    }

    [Fact]
    public void Read_NullIsNoObject()
    {
        var body = Encoding.UTF8.GetBytes("{\"request\":{\"object\":null}}");

        JsonSerializer.Deserialize(body, WebhookJson.Default.AdmissionReview)!.Request!.Object.ShouldBeNull();
    }

    [Fact]
    public void BytesIn_RefusesBytesThatAreNotUtf8()
    {
        // As JsonElement.GetRawText did: the review is refused (HTTP 400) instead of being checked with replaced characters.
        byte[] body = [.. "{\"request\":{\"object\":{\"name\":\""u8, 0xFF, 0xFE, .. "\"}}}"u8];

        var request = JsonSerializer.Deserialize(body, WebhookJson.Default.AdmissionReview)!.Request!;

        Should.Throw<DecoderFallbackException>(() => request.Object!.Value.BytesIn(body));
    }
}
