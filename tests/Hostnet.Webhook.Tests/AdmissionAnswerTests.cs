using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hostnet.Core.Admission;
using Hostnet.Webhook.Admission;
using Shouldly;
using Xunit;

namespace Hostnet.Webhook.Tests;

/// <summary>
/// The answer's bytes, written straight as UTF-8 (<see cref="AdmissionAnswer"/>), are what System.Text.Json writes for
/// the AdmissionReview it replaced (camelCase, absent values left out, the relaxed encoder: quotes and backticks as
/// they are): the fixture tests compare answers as parsed JSON, which hides any change of escaping.
/// </summary>
public sealed class AdmissionAnswerTests
{
    // What an encoder may treat apart: quotes, backslash, a backtick, HTML characters, a control character, non-ASCII,
    // a character outside the Basic Multilingual Plane.
    private const string Awkward = "say \"hi\" \\ `x` <a href='b'>&amp; caf\u00e9 \u4e2d \u0001 tab\t \U0001F600 end";

    public static TheoryData<string, AdmissionDecision> Decisions() => new()
    {
        { "uid-1", AdmissionDecision.Ignored },
        {
            "u\"2\u00e9",
            new AdmissionDecision(false, AdmissionVerdict.Denied, [], "denied: " + Awkward, ["HN030 " + Awkward, "second"], new Dictionary<string, string> { ["hostnet.dev/" + Awkward] = Awkward, ["b"] = "" })
        },
        {
            "uid-3",
            new AdmissionDecision(true, AdmissionVerdict.Mutated, [], null, [], new Dictionary<string, string>())
            {
                Patch = "[{\"op\":\"add\",\"path\":\"/spec/dnsPolicy\",\"value\":\"" + Awkward.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"}]",
            }
        },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Write_IsWhatTheSerializerWroteForTheReview(string uid, AdmissionDecision decision)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            AdmissionAnswer.Write(writer, uid, decision);
        }

        Encoding.UTF8.GetString(buffer.ToArray()).ShouldBe(Serialized(uid, decision));
    }

    /// <summary>The review as the source-generated serializer wrote it: the records' property order, nulls and empty collections left out.</summary>
    private static string Serialized(string uid, AdmissionDecision decision)
    {
        var response = new JsonObject { ["uid"] = uid, ["allowed"] = decision.Allowed };
        if (decision.DenialMessage is { } message)
        {
            response["status"] = new JsonObject { ["code"] = 403, ["message"] = message };
        }

        if (decision.Patch is { } patch)
        {
            response["patch"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(patch));
            response["patchType"] = "JSONPatch";
        }

        if (decision.AuditAnnotations.Count > 0)
        {
            response["auditAnnotations"] = new JsonObject(decision.AuditAnnotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value)));
        }

        if (decision.Warnings.Count > 0)
        {
            response["warnings"] = new JsonArray([.. decision.Warnings.Select(w => (JsonNode?)w)]);
        }

        var review = new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["response"] = response };
        return review.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
