namespace Hostnet.Kube.Http;

/// <summary>A request body: JSON text and its media type (<c>application/json</c>, <c>application/strategic-merge-patch+json</c>).</summary>
public sealed record ApiBody(string ContentType, string Content);
