using System.Text.Json.Serialization;

namespace Hostnet.Kube.Http;

/// <summary>The answer of <c>GET /version</c> (the parts hostnet keeps).</summary>
public sealed record ServerVersion(
    [property: JsonPropertyName("major")] string? Major,
    [property: JsonPropertyName("minor")] string? Minor,
    [property: JsonPropertyName("gitVersion")] string? GitVersion);
