using System.Text;
using Hostnet.Core.Admission;
using Hostnet.Webhook.Admission;
using Hostnet.Webhook.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Hostnet.Webhook.Hosting;

/// <summary>
/// <c>hostnet webhook</c>: Kestrel over TLS only, serving <c>/validate</c>, <c>/mutate</c>, <c>/healthz</c>,
/// <c>/readyz</c> and <c>/metrics</c>. Stopping drains the requests in flight (up to the shutdown timeout).
/// </summary>
public sealed class WebhookServer : IAsyncDisposable
{
    /// <summary>Kestrel's <c>MaxRequestBufferSize</c>: above its 32 KiB of request headers, far below its 1 MiB default.</summary>
    private const long RequestBufferBytes = 64 * 1024;

    private const string WarmUpPod = """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"warm-up"},"spec":{"hostNetwork":true,
         "containers":[{"name":"c","image":"nginx","ports":[{"containerPort":80,"hostPort":8080}],"readinessProbe":{"httpGet":{"port":81}}}]}}
        """;

    private readonly WebApplication _app;
    private readonly BufferedStandardOutput? _output;
    private readonly System.Net.IPEndPoint _listen;

    private WebhookServer(WebApplication app, System.Net.IPEndPoint listen, PolicyStore policies, CertificateStore certificates, WebhookMetrics metrics, BufferedStandardOutput? output)
    {
        _app = app;
        _listen = listen;
        _output = output;
        Policies = policies;
        Certificates = certificates;
        Metrics = metrics;
    }

    public PolicyStore Policies { get; }

    public CertificateStore Certificates { get; }

    public WebhookMetrics Metrics { get; }

    /// <summary>The address it listens on, with the port chosen when port 0 was asked for; known once started.</summary>
    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Why the server should not take traffic now; null when ready (valid certificate and policy, not stopping).</summary>
    public string? NotReadyReason
    {
        get
        {
            var stopping = _app.Lifetime.ApplicationStopping.IsCancellationRequested;
            return stopping ? "shutting down"
                : Certificates.Problem is { } certificate ? certificate
                : !Policies.IsValid ? "the policy file has not loaded (see the log)"
                : null;
        }
    }

    /// <param name="options">Where to listen, the files, the limits.</param>
    /// <param name="time">The clock for certificate validity and reload polls.</param>
    /// <param name="logging">Where logs go; null for JSON lines on standard output.</param>
    public static WebhookServer Create(WebhookOptions options, TimeProvider time, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = "hostnet-webhook" });
        builder.Logging.ClearProviders();
        BufferedStandardOutput? output = null;
        if (logging is null)
        {
            output = BufferedStandardOutput.Install();
            InlineConsoleLoggerProvider.Replace(builder.Logging, JsonLines, output);
        }
        else
        {
            logging(builder.Logging);
        }

        builder.Logging.SetMinimumLevel(options.LogLevel);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        // Kestrel logs, with a stack trace, every body it cannot drain after a 408 (a slow client's rest): a flood under
        // slow clients (issue 15). Those are counted in hostnet_webhook_timeouts_total{stage="body"}; the admission
        // handler logs its own failures in one line.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Critical);
        // A connection over MaxConnections is closed at once; a warning for each would be a line per attacker's try.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel.Connections", LogLevel.Error);
        // A failed start (a port in use) is reported once, by the caller, not logged with its stack trace as well.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        var loggers = builder.Services.BuildServiceProvider().GetRequiredService<ILoggerFactory>();
        var metrics = new WebhookMetrics();
        var policies = new PolicyStore(options.PolicyPath, options.ReloadPollInterval, time, metrics, loggers.CreateLogger<PolicyStore>());
        var certificates = new CertificateStore(options.CertificatePath, options.KeyPath, options.ReloadPollInterval, time, metrics, loggers.CreateLogger<CertificateStore>());

        // A file named on the command line that does not load is a mistake to report now, not a server that is
        // never ready; reloads later keep the last good one instead.
        var startProblem = policies.LastProblem is { } policyProblem ? "policy " + policyProblem : certificates.LastProblem;
        if (startProblem is not null)
        {
            policies.Dispose();
            certificates.Dispose();
            output?.Dispose();
            throw new WebhookStartException(startProblem);
        }

        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Limits.MaxConcurrentConnections = options.MaxConnections;
            // What Kestrel buffers per connection before the handler reads it (default 1 MiB): a connection waiting for
            // a review slot holds at most this much, instead of a MiB each from 256 slow clients.
            kestrel.Limits.MaxRequestBufferSize = RequestBufferBytes;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            kestrel.Listen(options.Listen, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificateSelector = (_, _) => certificates.Current,
            }));
        });
        // What the socket transport reads ahead of TLS per connection (default 1 MiB, in pinned blocks of the managed
        // heap): a slow client's first MiB sat there, 256 MiB for 256 connections (issue 15).
        builder.Services.Configure<SocketTransportOptions>(sockets => sockets.MaxReadBufferSize = RequestBufferBytes);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);

        var app = builder.Build();
        var server = new WebhookServer(app, options.Listen, policies, certificates, metrics, output);
        // The admission handler keeps each review's deadline itself: a timeout middleware would cancel an answer mid-write.
        var handler = new AdmissionHandler(
            policies, metrics, options.MaxRequestBodyBytes, app.Services.GetRequiredService<ILogger<AdmissionHandler>>(), options.RequestTimeout, options.MaxConcurrentReviews);
        app.MapPost("/validate", context => handler.HandleAsync(context, AdmissionEndpoint.Validate));
        app.MapPost("/mutate", context => handler.HandleAsync(context, AdmissionEndpoint.Mutate));
        // RequestDelegate handlers, not Delegate ones: those bind parameters by reflection, which NativeAOT lacks.
        app.MapGet("/healthz", context => Text(context, "ok\n"));
        app.MapGet("/readyz", context => server.NotReadyReason is { } reason
            ? Text(context, $"not ready: {reason}\n", StatusCodes.Status503ServiceUnavailable)
            : Text(context, "ready\n"));
        app.MapGet("/metrics", async context => await Text(context, await metrics.WriteAsync(context.RequestAborted), contentType: WebhookMetrics.ContentType));
        return server;
    }

    /// <summary>The JSON log lines' options: UTC timestamps to the millisecond.</summary>
    internal static void JsonLines(JsonConsoleFormatterOptions json)
    {
        json.UseUtcTimestamp = true;
        json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
    }

    private static Task Text(HttpContext context, string body, int status = StatusCodes.Status200OK, string contentType = "text/plain; charset=utf-8")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        WarmUp();
        try
        {
            await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException error)
        {
            throw new WebhookStartException($"cannot listen on {_listen}: {error.Message}", error);
        }
    }

    /// <summary>Stops taking connections and waits for the requests in flight.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <summary>Starts (see <see cref="StartAsync"/>), runs until SIGTERM or Ctrl+C, then drains.</summary>
    public async Task RunAsync()
    {
        await StartAsync().ConfigureAwait(false);
        await _app.WaitForShutdownAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Creates a server, runs it until SIGTERM or Ctrl+C (the host's console lifetime drains requests in flight), then
    /// disposes it; throws <see cref="WebhookStartException"/> when it cannot start.
    /// </summary>
    public static async Task ServeAsync(WebhookOptions options, TimeProvider time)
    {
        var server = Create(options, time);
        await using (server.ConfigureAwait(false))
        {
            await server.RunAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs one review through the checker before taking traffic: the first one compiles the rules (close to a
    /// second on a busy machine), which must not eat into the API server's 2 s budget.
    /// </summary>
    private void WarmUp() => AdmissionEvaluator.Validate(new AdmissionSubject("Pod", "CREATE", "default", null, Encoding.UTF8.GetBytes(WarmUpPod), null), Policies.Current);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        Policies.Dispose();
        Certificates.Dispose();
        _output?.Dispose();
    }
}
