using System.Net;

namespace Hostnet.Agent.Daemon;

/// <summary>
/// Sends one write to the API server (<c>POST</c>, <c>PATCH</c>) and returns its HTTP status, successful or not;
/// throws only when no answer came. The host binds it to its API client.
/// </summary>
public delegate Task<HttpStatusCode> ApiWrite(HttpMethod method, string pathAndQuery, string contentType, string json, CancellationToken cancellationToken);
