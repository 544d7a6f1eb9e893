using System.Text.Json.Serialization;

namespace Hostnet.Webhook.Admission;

/// <summary>Source-generated reading of AdmissionReviews: camelCase fields (answers are written by <see cref="AdmissionAnswer"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AdmissionReview))]
internal sealed partial class WebhookJson : JsonSerializerContext;
