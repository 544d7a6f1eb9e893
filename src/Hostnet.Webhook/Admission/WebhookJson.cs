using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hostnet.Webhook.Admission;

/// <summary>Source-generated JSON for AdmissionReviews: camelCase, absent values left out.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdmissionReview))]
internal sealed partial class WebhookJson : JsonSerializerContext
{
    /// <summary>
    /// The same, writing quotes and backticks of messages as they are (<c>\u0060</c> in a denial is hard to read);
    /// the answer goes to the API server, never into HTML.
    /// </summary>
    public static WebhookJson Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
