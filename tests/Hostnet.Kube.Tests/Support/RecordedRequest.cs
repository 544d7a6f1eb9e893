namespace Hostnet.Kube.Tests.Support;

/// <summary>What the fake API server saw of one request (the method, content type and body for writes).</summary>
internal sealed record RecordedRequest(string PathAndQuery, string? Authorization, string? ClientCertificateSubject, string Method = "GET", string? ContentType = null, string Body = "")
{
    public string Path => PathAndQuery.Split('?')[0];

    public string? Query(string name) =>
        PathAndQuery.Split('?') is [_, var query]
            ? query.Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == name).Select(p => Uri.UnescapeDataString(p[1])).FirstOrDefault()
            : null;
}
