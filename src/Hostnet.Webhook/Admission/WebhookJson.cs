using System.Text.Json.Serialization;

namespace Hostnet.Webhook.Admission;

/// <summary>Source-generated JSON for AdmissionReviews: camelCase, absent values left out.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdmissionReview))]
internal sealed partial class WebhookJson : JsonSerializerContext;
