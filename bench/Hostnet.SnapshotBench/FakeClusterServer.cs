using System.Globalization;
using System.Net;
using System.Text;
using Hostnet.Kube.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hostnet.SnapshotBench;

/// <summary>
/// An API server on 127.0.0.1 with real TLS (Kestrel) that serves <see cref="ClusterItems"/> as paged lists, as the
/// real one does: <c>limit</c> items a page, a <c>continue</c> token while more remain, <c>remainingItemCount</c>. Every
/// list path hostnet snapshot asks for answers, with an empty list for kinds the cluster has none of.
/// </summary>
internal sealed class FakeClusterServer : IAsyncDisposable
{
    private static readonly Dictionary<string, string> KindOfPath = new(StringComparer.Ordinal)
    {
        ["/api/v1/namespaces"] = "Namespace",
        ["/api/v1/nodes"] = "Node",
        ["/api/v1/services"] = "Service",
        ["/api/v1/pods"] = "Pod",
    };

    private readonly WebApplication _app;
    private readonly ClusterItems _cluster;

    private FakeClusterServer(WebApplication app, ClusterItems cluster)
    {
        _app = app;
        _cluster = cluster;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = new Uri(address);
    }

    public Uri Url { get; }

    public static async Task<FakeClusterServer> StartAsync(ClusterItems cluster, TestPki pki)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(pki.Server)));
        var app = builder.Build();
        FakeClusterServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();
        server = new FakeClusterServer(app, cluster);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        context.Response.ContentType = "application/json";
        if (path == "/version")
        {
            await context.Response.WriteAsync("""{"major":"1","minor":"35","gitVersion":"v1.35.0"}""");
            return;
        }

        if (!path.StartsWith("/api/", StringComparison.Ordinal) && !path.StartsWith("/apis/", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            return;
        }

        var items = KindOfPath.TryGetValue(path, out var kind) ? _cluster.Of(kind) : [];
        var limit = int.TryParse(context.Request.Query["limit"], CultureInfo.InvariantCulture, out var l) && l > 0 ? l : items.Count;
        var start = int.TryParse(context.Request.Query["continue"], CultureInfo.InvariantCulture, out var c) ? c : 0;
        var end = Math.Min(items.Count, start + limit);
        var metadata = end < items.Count
            ? string.Create(CultureInfo.InvariantCulture, $"{{\"resourceVersion\":\"1000\",\"continue\":\"{end}\",\"remainingItemCount\":{items.Count - end}}}")
            : "{\"resourceVersion\":\"1000\"}";
        var body = context.Response.Body;
        await body.WriteAsync(Encoding.UTF8.GetBytes($"{{\"kind\":\"List\",\"apiVersion\":\"v1\",\"metadata\":{metadata},\"items\":["));
        for (var i = start; i < end; i++)
        {
            if (i > start)
            {
                await body.WriteAsync(","u8.ToArray());
            }

            await body.WriteAsync(items[i]);
        }

        await body.WriteAsync("]}"u8.ToArray());
    }
}
