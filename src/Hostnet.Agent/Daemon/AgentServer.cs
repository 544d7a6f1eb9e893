using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hostnet.Agent.Daemon;

/// <summary>
/// The agent's HTTP endpoints on Kestrel, plain HTTP for Prometheus on the node's network: <c>/metrics</c> (the
/// exposition rendered after the last scan), <c>/healthz</c> (the scan loop runs and completes scans:
/// <see cref="AgentDaemon.Unhealthy"/>) and <c>/readyz</c> (the pods were listed and the node scanned once).
/// </summary>
public sealed class AgentServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AgentServer(WebApplication app)
    {
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>Where it listens (a wildcard address as the loopback one), with the port Kestrel bound.</summary>
    public Uri Url { get; }

    /// <summary>Starts listening on <paramref name="listen"/> (port 0 picks a free one).</summary>
    public static async Task<AgentServer> StartAsync(IPEndPoint listen, AgentDaemon daemon, AgentMetrics metrics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(daemon);
        ArgumentNullException.ThrowIfNull(metrics);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = "hostnet-agent" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            kestrel.Listen(listen);
        });
        var app = builder.Build();
        app.MapGet("/healthz", context => daemon.Unhealthy() is { } reason
            ? Text(context, StatusCodes.Status503ServiceUnavailable, reason + "\n", "text/plain; charset=utf-8")
            : Text(context, StatusCodes.Status200OK, "ok\n", "text/plain; charset=utf-8"));
        app.MapGet("/readyz", context => daemon.IsReady
            ? Text(context, StatusCodes.Status200OK, "ok\n", "text/plain; charset=utf-8")
            : Text(context, StatusCodes.Status503ServiceUnavailable, "waiting for the first list of the node's pods and the first scan\n", "text/plain; charset=utf-8"));
        app.MapGet("/metrics", async context =>
        {
            var exposition = await metrics.RenderAsync(context.RequestAborted).ConfigureAwait(false);
            context.Response.ContentType = AgentMetrics.ContentType;
            context.Response.ContentLength = exposition.Length;
            await context.Response.Body.WriteAsync(exposition, context.RequestAborted).ConfigureAwait(false);
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new AgentServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static Task Text(HttpContext context, int status, string text, string contentType)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
