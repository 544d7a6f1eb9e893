using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Hostnet.Kube.Auth;
using Hostnet.Kube.Config;

namespace Hostnet.Kube.Http;

/// <summary>
/// Requests to one API server over HTTPS: credentials on every request (refreshed once after a 401, as client-go's
/// exec round tripper does), retries with backoff on 429 and 5xx honouring <c>Retry-After</c>, a timeout per attempt,
/// and errors worded for the user (<see cref="ApiErrors"/>). Nothing it throws or keeps in messages holds a token,
/// a key or a certificate. The client owns the connection's credential source and disposes it.
/// </summary>
public sealed class KubeApiClient : IDisposable
{
    private readonly ClusterConnection _connection;
    private readonly KubeClientOptions _options;
    private readonly List<HttpMessageInvoker> _invokers = [];
    private HttpMessageInvoker? _invoker;
    private X509Certificate2? _invokerCertificate;

    public KubeApiClient(ClusterConnection connection, KubeClientOptions options)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary><c>GET /version</c>.</summary>
    public Task<ServerVersion> GetVersionAsync(CancellationToken cancellationToken) =>
        GetAsync("/version", async (stream, token) =>
            await JsonSerializer.DeserializeAsync(stream, KubeJsonContext.Default.ServerVersion, token).ConfigureAwait(false)
            ?? new ServerVersion(null, null, null), cancellationToken);

    /// <summary>
    /// Sends <c>GET pathAndQuery</c> and hands a successful body to <paramref name="read"/>, inside the attempt's timeout.
    /// </summary>
    public Task<T> GetAsync<T>(string pathAndQuery, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, pathAndQuery, null, read, null, cancellationToken);

    /// <summary>
    /// Sends <paramref name="body"/> (POST, PATCH) and returns the answer's HTTP status, successful or not: the caller
    /// decides what a 403, 404 or 409 means. Throws <see cref="KubeApiException"/> only when no answer came.
    /// </summary>
    public async Task<HttpStatusCode> WriteAsync(HttpMethod method, string pathAndQuery, ApiBody body, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(method, pathAndQuery, body, (_, _) => Task.FromResult(HttpStatusCode.OK), null, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException error) when (error.StatusCode is { } status)
        {
            return status;
        }
    }

    /// <summary>
    /// Sends <paramref name="method"/> <c>pathAndQuery</c> with an optional body and hands a successful answer's body to
    /// <paramref name="read"/>, inside <paramref name="timeout"/> per attempt (the client's request timeout when null; a
    /// watch asks the server for its own <c>timeoutSeconds</c> and waits a little longer).
    /// </summary>
    public async Task<T> SendAsync<T>(
        HttpMethod method, string pathAndQuery, ApiBody? body, Func<Stream, CancellationToken, Task<T>> read, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(read);
        var uri = new Uri(_connection.Server, pathAndQuery);
        var attemptTimeout = timeout ?? _options.RequestTimeout;
        var refreshed = false;
        for (var attempt = 1; ; attempt++)
        {
            var credentials = await _connection.Credentials.GetAsync(cancellationToken).ConfigureAwait(false);
            using var timeoutSource = new CancellationTokenSource(attemptTimeout, _options.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
            try
            {
                using var request = new HttpRequestMessage(method, uri);
                if (body is not null)
                {
                    request.Content = new StringContent(body.Content, System.Text.Encoding.UTF8);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue(body.ContentType);
                }

                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                request.Headers.UserAgent.Add(new ProductInfoHeaderValue("hostnet", "0.1"));
                if (credentials.Token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials.Token);
                }

                using var response = await InvokerFor(credentials.ClientCertificate).SendAsync(request, linked.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    var answer = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
                    await using (answer.ConfigureAwait(false))
                    {
                        return await read(answer, linked.Token).ConfigureAwait(false);
                    }
                }

                var status = await ReadStatusAsync(response, linked.Token).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.Unauthorized && !refreshed
                    && await _connection.Credentials.RefreshAsync(credentials, cancellationToken).ConfigureAwait(false))
                {
                    refreshed = true;
                    attempt--;
                    continue;
                }

                if (IsRetriable(response.StatusCode) && attempt < _options.Retry.MaxAttempts)
                {
                    var delay = _options.Retry.Delay(attempt + 1, RetryAfter(response));
                    await Task.Delay(delay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw ApiErrors.FromStatus(response.StatusCode, status, method, pathAndQuery, _connection);
            }
            catch (OperationCanceledException error) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new KubeApiException(
                    $"{method} {pathAndQuery}: the API server at {_connection.Server} did not answer within {attemptTimeout.TotalSeconds:0.###}s",
                    null,
                    error);
            }
            catch (HttpRequestException error) when (error.InnerException is System.Security.Authentication.AuthenticationException)
            {
                var trust = _connection.TrustedRoots is null ? "the system's trusted roots" : "the kubeconfig's certificate-authority";
                throw new KubeApiException(
                    $"cannot reach the API server at {_connection.Server} ({_connection.Source}): its TLS certificate was not accepted: "
                    + $"it must chain to {trust} and carry the name \"{_connection.TlsServerName ?? _connection.Server.IdnHost}\" "
                    + "(tls-server-name can name another)",
                    null,
                    error);
            }
            catch (HttpRequestException error)
            {
                throw new KubeApiException(
                    $"cannot reach the API server at {_connection.Server} ({_connection.Source}): {Describe(error)}",
                    null,
                    error);
            }
        }
    }

    public void Dispose()
    {
        foreach (var invoker in _invokers)
        {
            invoker.Dispose();
        }

        (_connection.Credentials as IDisposable)?.Dispose();
    }

    private static bool IsRetriable(HttpStatusCode code) =>
        code is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _options.TimeProvider.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static async Task<StatusJson?> ReadStatusAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return text.TrimStart().StartsWith('{') ? JsonSerializer.Deserialize(text, KubeJsonContext.Default.StatusJson) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The innermost reason (a TLS or socket error says more than "An error occurred while sending the request").</summary>
    private static string Describe(Exception error)
    {
        var messages = new List<string>();
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
        }

        return string.Join(": ", messages.Distinct(StringComparer.Ordinal));
    }

    /// <summary>One handler per client certificate: an exec plugin may rotate it, and TLS sessions carry the old one.</summary>
    private HttpMessageInvoker InvokerFor(X509Certificate2? certificate)
    {
        if (_invoker is not null && Equals(certificate?.Thumbprint, _invokerCertificate?.Thumbprint))
        {
            return _invoker;
        }

        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip,
            ConnectTimeout = _options.RequestTimeout,
            SslOptions = new SslClientAuthenticationOptions
            {
                TargetHost = _connection.TlsServerName,
                RemoteCertificateValidationCallback = (_, presented, chain, errors) => TlsValidation.Validate(_connection, presented, chain, errors),
                ClientCertificates = certificate is null ? null : new X509CertificateCollection { certificate },
            },
        };
        if (_connection.ProxyUrl is not null)
        {
            handler.Proxy = new WebProxy(_connection.ProxyUrl);
            handler.UseProxy = true;
        }

        _invoker = new HttpMessageInvoker(handler, disposeHandler: true);
        _invokerCertificate = certificate;
        _invokers.Add(_invoker);
        return _invoker;
    }
}
