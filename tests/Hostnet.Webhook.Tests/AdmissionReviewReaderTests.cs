using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hostnet.Core.Admission;
using Hostnet.Core.Tests.Support;
using Hostnet.Webhook.Admission;
using Shouldly;
using Xunit;

namespace Hostnet.Webhook.Tests;

/// <summary>
/// The one-pass reader of a review must read what the serializer reads, field for field, and its load of
/// <c>request.object</c> must decide as the load of the object's bytes does; wherever the serializer fails it must give
/// up, so that the serializer's error is the answer. On every review fixture and on variants of them: reordered,
/// indented, with unknown fields, nulls, escapes, values of the wrong type, repeated fields, trailing bytes.
/// </summary>
public sealed class AdmissionReviewReaderTests
{
    public static TheoryData<string> Reviews() =>
        [.. Directory.GetFiles(Path.Combine(RepositoryPaths.TestData, "reviews"), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Reviews))]
    public void TryRead_FixtureAndItsVariants_AsTheSerializerReadsThem(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.TestData, "reviews", file));

        // The fixtures are what the API server sends: the reader must take them, or it only ever gives up.
        TryRead(text).ShouldNotBeNull(file);
        var taken = 0;
        foreach (var variant in Variants(text))
        {
            taken += AssertAsTheSerializer(variant) ? 1 : 0;
        }

        taken.ShouldBeGreaterThan(Variants(text).Count() / 2, file);
    }

    [Theory]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",\"request\":{\"uid\":\"1\",\"object\":{\"kind\":\"Pod\"}}} x")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",/* c */\"request\":{\"uid\":\"1\"}}")]
    [InlineData("{\"request\":{\"uid\":5}}")]
    [InlineData("{\"request\":{\"dryRun\":\"true\"}}")]
    [InlineData("{\"request\":{\"kind\":\"Pod\"}}")]
    [InlineData("{\"request\":{\"uid\":\"a\\ud800\"}}")]
    [InlineData("{\"request\":[]}")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"request\":{\"uid\":\"1\"},\"request\":{\"name\":\"n\"}}")]
    [InlineData("{\"request\":{\"object\":[1]}}")]
    [InlineData("{\"request\":{\"object\":\"text\"}}")]
    [InlineData("{\"request\":{\"object\":{\"kind\":\"Pod\",\t\"apiVersion\":\"v1\"}}}")]
    [InlineData("{\"request\":{\"object\":{\"kind\":\"Pod\",\"kind\":\"Pod\"}}}")]
    public void TryRead_WhatTheSerializerRefusesOrReadsItsOwnWay_GivesUp(string text)
    {
        TryRead(text).ShouldBeNull();
        AssertAsTheSerializer(Encoding.UTF8.GetBytes(text));
    }

    [Fact]
    public void TheReadersFields_AreTheSerializersFields()
    {
        // The reader skips a field it does not know: a property added to these types must be added to it too.
        Names(WebhookJson.Default.AdmissionReview.Properties).ShouldBe(["apiVersion", "kind", "request"]);
        Names(WebhookJson.Default.AdmissionRequest.Properties)
            .ShouldBe(["dryRun", "kind", "name", "namespace", "object", "oldObject", "operation", "subResource", "uid"]);
        Names(WebhookJson.Default.GroupVersionKind.Properties).ShouldBe(["group", "kind", "version"]);

        static string[] Names(IEnumerable<System.Text.Json.Serialization.Metadata.JsonPropertyInfo> properties) =>
            [.. properties.Select(p => p.Name).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void TryRead_BytesThatAreNotUtf8_GivesUp()
    {
        byte[] body = [.. "{\"request\":{\"userInfo\":{\"username\":\""u8, 0xFF, .. "\"},\"uid\":\"1\"}}"u8];

        AdmissionReviewReader.TryRead(body).ShouldBeNull();
    }

    [Fact]
    public void TryRead_NestedDeeperThanTheSerializerReads_GivesUp()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 70)) + string.Concat(Enumerable.Repeat("]", 70));

        var body = Encoding.UTF8.GetBytes("{\"request\":{\"uid\":\"1\",\"userInfo\":" + deep + "}}");

        AdmissionReviewReader.TryRead(body).ShouldBeNull();
        AssertAsTheSerializer(body);
    }

    /// <summary>
    /// Compares the reader with the serializer on one body: the same review where the reader takes it, and the same
    /// decision from its load of the object as from the object's bytes; nothing where the serializer fails. True
    /// where the reader took the body.
    /// </summary>
    private static bool AssertAsTheSerializer(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        AdmissionReview? expected;
        try
        {
            expected = JsonSerializer.Deserialize(body, WebhookJson.Default.AdmissionReview);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            AdmissionReviewReader.TryRead(body).ShouldBeNull(text);
            AdmissionReviewReader.TryRead(body, loadObject: false).ShouldBeNull(text);
            return false;
        }

        // Not loading the object (/mutate under a policy that patches nothing) only marks it, as the serializer does.
        if (AdmissionReviewReader.TryRead(body, loadObject: false) is var (marked, none))
        {
            marked.ShouldBe(expected, text);
            none.ShouldBeNull(text);
        }

        if (AdmissionReviewReader.TryRead(body) is not var (review, loaded))
        {
            return false;
        }

        review.ShouldBe(expected, text);
        review.Request?.Object?.ValueKind.ShouldBe(JsonValueKind.Object, text);
        (loaded is null).ShouldBe(review.Request?.Object is null, text);
        if (loaded is not null)
        {
            var request = review.Request!;
            var subject = new AdmissionSubject(request.Kind?.Kind ?? "Pod", "CREATE", request.Namespace, null, request.Object!.Value.BytesIn(body), null);
            Describe(AdmissionEvaluator.Validate(subject with { LoadedObject = loaded }, WebhookPolicy.Default))
                .ShouldBe(Describe(AdmissionEvaluator.Validate(subject, WebhookPolicy.Default)), text);
        }

        return true;
    }

    private static (AdmissionReview, Core.Loading.LoadResult?)? TryRead(string text) => AdmissionReviewReader.TryRead(Encoding.UTF8.GetBytes(text));

    private static string Describe(AdmissionDecision decision) =>
        $"{decision.Allowed} {decision.Verdict} {decision.DenialMessage}\n{string.Join("\n", decision.Findings)}\n{string.Join("\n", decision.Warnings)}\n"
        + string.Join("\n", decision.AuditAnnotations.Select(a => $"{a.Key}={a.Value}"));

    /// <summary>The review as sent, and changed in the ways a client or a future API server might write it.</summary>
    private static IEnumerable<byte[]> Variants(string text)
    {
        var review = JsonNode.Parse(text)!.AsObject();
        var request = review["request"]!.AsObject();
        yield return Encoding.UTF8.GetBytes(text);
        yield return Encoding.UTF8.GetBytes(review.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        yield return Encoding.UTF8.GetBytes(review.ToJsonString(new JsonSerializerOptions { WriteIndented = true, IndentCharacter = '\t', IndentSize = 1 }));
        yield return Changed(review, r =>
        {
            // The request first, its object before its uid: the order of fields is free.
            var changed = new JsonObject { ["request"] = Reversed(r["request"]!.AsObject()) };
            foreach (var (key, value) in r.Where(p => p.Key != "request").ToList())
            {
                changed[key] = value?.DeepClone();
            }

            return changed;
        });
        yield return Changed(review, r =>
        {
            r["extra"] = new JsonObject { ["object"] = new JsonArray(1, "two", null, new JsonObject { ["uid"] = "x" }) };
            r["request"]!["userInfo"] = new JsonObject { ["groups"] = new JsonArray("system:masters"), ["extra"] = new JsonObject() };
            r["request"]!["kind"]?.AsObject().Add("extra", 1);
            r["request"]!["UID"] = "not the uid";
            r["request"]!["Object"] = 1;
            return r;
        });
        foreach (var field in (string[])["uid", "name", "namespace", "operation", "subResource", "dryRun", "kind", "object", "oldObject"])
        {
            yield return Changed(review, r =>
            {
                r["request"]![field] = null;
                return r;
            });
        }

        yield return Changed(review, r =>
        {
            r["request"] = null;
            return r;
        });
        yield return Changed(review, r =>
        {
            r["apiVersion"] = "admission.k8s.io/v1beta1";
            r["request"]!["dryRun"] = true;
            r["request"]!["oldObject"] = new JsonArray(1, 2);
            return r;
        });
        // Escapes in names and values, read as the serializer unescapes them.
        yield return Encoding.UTF8.GetBytes(text.Replace("\"uid\":", "\"ui\\u0064\":", StringComparison.Ordinal).Replace("\"operation\":\"", "\"operation\":\"\\u0043", StringComparison.Ordinal));
        yield return Encoding.UTF8.GetBytes(text.Replace("\"uid\":", "\"uid\":5,\"x\":", StringComparison.Ordinal));
        yield return Encoding.UTF8.GetBytes(text.Replace("\"uid\":", "\"uid\":\"first\",\"uid\":", StringComparison.Ordinal));
        yield return Encoding.UTF8.GetBytes(text + " \n ");
        yield return Encoding.UTF8.GetBytes(text + ",");
        if (request["object"] is JsonObject created)
        {
            // An object the tree builder leaves to the text's readers (a tab between its tokens).
            var compact = created.ToJsonString();
            yield return Encoding.UTF8.GetBytes(review.ToJsonString().Replace(compact, compact.Replace(",\"", ",\t\"", StringComparison.Ordinal), StringComparison.Ordinal));
        }
    }

    private static byte[] Changed(JsonObject review, Func<JsonObject, JsonObject> change) =>
        Encoding.UTF8.GetBytes(change(review.DeepClone().AsObject()).ToJsonString());

    private static JsonObject Reversed(JsonObject fields)
    {
        var reversed = new JsonObject();
        foreach (var (key, value) in fields.Reverse().ToList())
        {
            reversed[key] = value?.DeepClone();
        }

        return reversed;
    }
}
