using System.Net;

namespace Hostnet.Kube.Http;

/// <summary>A request to the API server failed; the message is written for the user and never holds a credential.</summary>
public sealed class KubeApiException : Exception
{
    public KubeApiException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    public KubeApiException()
    {
    }

    public KubeApiException(string message)
        : base(message)
    {
    }

    public KubeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status, or null when no answer came (timeout, connection refused, TLS failure).</summary>
    public HttpStatusCode? StatusCode { get; }
}
