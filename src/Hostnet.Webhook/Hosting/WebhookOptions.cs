using System.Net;
using Microsoft.Extensions.Logging;

namespace Hostnet.Webhook.Hosting;

/// <summary>How <c>hostnet webhook</c> runs.</summary>
public sealed record WebhookOptions
{
    /// <summary>The API server's request body limit (3 MiB): no AdmissionReview is larger.</summary>
    public const long DefaultMaxRequestBodyBytes = 3L * 1024 * 1024;

    public const int DefaultMaxConcurrentReviews = 8;

    /// <summary>Where to listen; port 0 picks a free port (tests).</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Any, 8443);

    public required string CertificatePath { get; init; }

    public required string KeyPath { get; init; }

    /// <summary>The policy file; null for the default policy.</summary>
    public string? PolicyPath { get; init; }

    /// <summary>
    /// The deadline of a review, from its arrival to its answer (body read, queue, evaluation): answer (504) before the
    /// API server's <c>timeoutSeconds: 2</c> gives up on us, so it applies the failurePolicy with our reason.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// Reviews read and evaluated at once; the others wait (within their deadline). Each may buffer a body of up to
    /// <see cref="MaxRequestBodyBytes"/>, so this bounds the memory bodies take: 8 × 3 MiB = 24 MiB. Eight keep two
    /// cores busy while some bodies are still arriving; more only hold more memory (issue 15).
    /// </summary>
    public int MaxConcurrentReviews { get; init; } = DefaultMaxConcurrentReviews;

    /// <summary>
    /// Open connections (Kestrel's <c>MaxConcurrentConnections</c>); more are closed at once. A TLS connection holds
    /// some 100 KiB of buffers: 256 keep the server within the Deployment's 192Mi with the bodies above.
    /// </summary>
    public int MaxConnections { get; init; } = 256;

    /// <summary>How often the policy and certificate files are compared, beside the file system watcher.</summary>
    public TimeSpan ReloadPollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a stop waits for requests in flight.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public long MaxRequestBodyBytes { get; init; } = DefaultMaxRequestBodyBytes;

    public LogLevel LogLevel { get; init; } = LogLevel.Information;
}
