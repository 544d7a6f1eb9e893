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

    /// <summary>The most a <c>/version</c> answer or an error's <c>Status</c> may hold: both are a few hundred bytes.</summary>
    public const long MaxSmallBodyBytes = 1024 * 1024;

    /// <summary>
    /// The longest string an answer may hold: the API server takes no request body over 3 MiB
    /// (staging/src/k8s.io/apiserver/pkg/server/config.go, <c>MaxRequestBodyBytes</c>), so no stored object, and no string
    /// in one, is longer.
    /// </summary>
    public const long MaxStringBytes = 3 * 1024 * 1024;

    /// <summary>The server as messages name it (without a password in its URL).</summary>
    public string DisplayServer => _connection.DisplayServer;

    private const string LimitsDoc = "docs/snapshot.md, \"Limits\"";

    /// <summary><c>GET /version</c>.</summary>
    public Task<ServerVersion> GetVersionAsync(CancellationToken cancellationToken) =>
        GetAsync("/version", MaxSmallBodyBytes, async (stream, token) =>
            await JsonSerializer.DeserializeAsync(stream, KubeJsonContext.Default.ServerVersion, token).ConfigureAwait(false)
            ?? new ServerVersion(null, null, null), cancellationToken);

    /// <summary>
    /// Sends <c>GET pathAndQuery</c> and hands a successful body of at most <paramref name="maxBodyBytes"/> to
    /// <paramref name="read"/>, inside the client's request timeout (<see cref="SendAsync{T}"/>).
    /// </summary>
    public Task<T> GetAsync<T>(string pathAndQuery, long maxBodyBytes, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, pathAndQuery, null, maxBodyBytes, read, null, cancellationToken);

    /// <summary>
    /// Sends <paramref name="body"/> (POST, PATCH) and returns the answer's HTTP status, successful or not: the caller
    /// decides what a 403, 404 or 409 means. Throws <see cref="KubeApiException"/> only when no answer came.
    /// </summary>
    public async Task<HttpStatusCode> WriteAsync(HttpMethod method, string pathAndQuery, ApiBody body, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(method, pathAndQuery, body, MaxSmallBodyBytes, (_, _) => Task.FromResult(HttpStatusCode.OK), null, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException error) when (error.StatusCode is { } status)
        {
            return status;
        }
    }

    /// <summary>
    /// Sends <paramref name="method"/> <c>pathAndQuery</c> with an optional body and hands a successful answer's body to
    /// <paramref name="read"/>, inside <paramref name="timeout"/> per attempt (the client's request timeout when null; a
    /// watch asks the server for its own <c>timeoutSeconds</c> and waits a little longer). The body is cut off after
    /// <paramref name="maxBodyBytes"/> or at a string longer than <see cref="MaxStringBytes"/>, and a body that is not
    /// JSON, or a connection closed before its end, fails with the server and path named.
    /// </summary>
    public async Task<T> SendAsync<T>(
        HttpMethod method,
        string pathAndQuery,
        ApiBody? body,
        long maxBodyBytes,
        Func<Stream, CancellationToken, Task<T>> read,
        TimeSpan? timeout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(read);
        var uri = new Uri(_connection.Server, pathAndQuery);
        var attemptTimeout = timeout ?? _options.RequestTimeout;
        var refreshed = false;
        for (var attempt = 1; ; attempt++)
        {
            using var timeoutSource = new CancellationTokenSource(attemptTimeout, _options.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
            var credentials = await CredentialsAsync(source => source.GetAsync(linked.Token), timeoutSource, attemptTimeout, cancellationToken).ConfigureAwait(false);
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
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CheckedToken(credentials.Token));
                }

                using var response = await InvokerFor(credentials.ClientCertificate).SendAsync(request, linked.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    var answer = new BoundedJsonStream(await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false), maxBodyBytes, MaxStringBytes);
                    await using (answer.ConfigureAwait(false))
                    {
                        return await read(answer, linked.Token).ConfigureAwait(false);
                    }
                }

                var status = await ReadStatusAsync(response, linked.Token).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.Unauthorized && !refreshed
                    && await CredentialsAsync(source => source.RefreshAsync(credentials, linked.Token), timeoutSource, attemptTimeout, cancellationToken).ConfigureAwait(false))
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
                    $"{method} {pathAndQuery}: the API server at {_connection.DisplayServer} did not answer within {attemptTimeout.TotalSeconds:0.###}s",
                    null,
                    error);
            }
            catch (JsonBodyLimitException error)
            {
                throw new KubeApiException(
                    $"{method} {pathAndQuery}: the API server at {_connection.DisplayServer} sent {error.Message}; hostnet stopped reading there ({LimitsDoc})",
                    HttpStatusCode.OK,
                    error);
            }
            catch (JsonException error)
            {
                throw new KubeApiException(
                    $"{method} {pathAndQuery}: the API server at {_connection.DisplayServer} answered with a body that is not the JSON expected: {OneLine(error.Message)}",
                    HttpStatusCode.OK,
                    error);
            }
            catch (HttpRequestException error) when (error.InnerException is System.Security.Authentication.AuthenticationException)
            {
                var trust = _connection.TrustedRoots is null ? "the system's trusted roots" : "the kubeconfig's certificate-authority";
                throw new KubeApiException(
                    $"cannot reach the API server at {_connection.DisplayServer} ({_connection.Source}): its TLS certificate was not accepted: "
                    + $"it must chain to {trust} and carry the name \"{_connection.TlsServerName ?? _connection.Server.IdnHost}\" "
                    + "(tls-server-name can name another)",
                    null,
                    error);
            }
            catch (HttpRequestException error) when (error.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError)
            {
                throw new KubeApiException(
                    $"cannot reach the API server at {_connection.DisplayServer} ({_connection.Source}): {Describe(error)}",
                    null,
                    error);
            }
            catch (Exception error) when (error is HttpRequestException or IOException)
            {
                // The headers came, then the connection closed (or was reset) before the body's end.
                throw new KubeApiException(
                    $"{method} {pathAndQuery}: the connection to the API server at {_connection.DisplayServer} closed before the whole answer came: {Describe(error)}",
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

    /// <summary>
    /// A credential source's work (an exec plugin run) inside the attempt's timeout, so a plugin that never exits is
    /// stopped (the source kills it when cancelled) instead of hanging hostnet; client-go sets no such limit.
    /// </summary>
    private async Task<T> CredentialsAsync<T>(
        Func<ICredentialSource, ValueTask<T>> get, CancellationTokenSource timeout, TimeSpan limit, CancellationToken cancellationToken)
    {
        try
        {
            return await get(_connection.Credentials).ConfigureAwait(false);
        }
        catch (OperationCanceledException error) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new KubeConfigException(
                $"getting credentials for {_connection.Source}: {error.Message} within {limit.TotalSeconds:0.###}s and was stopped (--request-timeout sets the limit)",
                error);
        }
    }

    /// <summary>A token with a line break or another control character would split or corrupt the request's headers.</summary>
    private string CheckedToken(string token) => token.Any(char.IsControl)
        ? throw new KubeConfigException($"the bearer token of {_connection.Source} contains a line break or another control character; a token is one line of printable text")
        : token;

    /// <summary>An error's <c>Status</c>, read up to <see cref="MaxSmallBodyBytes"/>; null when the body is not one.</summary>
    private static async Task<StatusJson?> ReadStatusAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = new BoundedJsonStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), MaxSmallBodyBytes, MaxSmallBodyBytes);
            await using (body.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(body, KubeJsonContext.Default.StatusJson, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is JsonException or JsonBodyLimitException or IOException)
        {
            return null;
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

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
