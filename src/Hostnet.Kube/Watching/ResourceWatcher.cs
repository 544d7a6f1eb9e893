using System.Globalization;
using System.Net;
using System.Text.Json;
using Hostnet.Kube.Http;
using Hostnet.Kube.Listing;

namespace Hostnet.Kube.Watching;

/// <summary>
/// Keeps an observer in step with a set of objects as client-go's reflector does (tools/cache/reflector.go,
/// client-go v0.31): a list gives every object and a <c>resourceVersion</c>; a watch from that version streams the
/// changes, with <c>allowWatchBookmarks</c> so that quiet periods still move the version forward; when the watch ends
/// (the server's <c>timeoutSeconds</c>, a dropped connection) it resumes from the last version seen; when that version
/// is too old (410 Gone, as an HTTP status or as an <c>ERROR</c> event) it lists again. Failures wait a backoff that
/// doubles from 800 ms to 30 s (the reflector's <c>NewExponentialBackoffManager(800ms, 30s, …)</c>) and is reset by
/// a successful list or watch.
/// </summary>
/// <param name="path">The collection: <c>/api/v1/pods</c>.</param>
/// <param name="fieldSelector">A field selector such as <c>spec.nodeName=node-a</c>, or null.</param>
/// <param name="replace">Gets every object after each list (the first, and each one after a 410).</param>
/// <param name="upsert">Gets each object the watch reports added or modified.</param>
/// <param name="delete">Gets each object the watch reports deleted.</param>
/// <param name="failed">Gets each failure before its backoff (the caller decides what to log, and how often).</param>
public sealed class ResourceWatcher(
    KubeApiClient client,
    string path,
    string? fieldSelector,
    Action<IReadOnlyList<JsonElement>> replace,
    Action<JsonElement> upsert,
    Action<JsonElement> delete,
    Action<KubeApiException> failed,
    TimeProvider timeProvider)
{
    public static TimeSpan InitialBackoff { get; } = TimeSpan.FromMilliseconds(800);

    public static TimeSpan MaxBackoff { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The reflector asks for a watch of 5 to 10 minutes (minWatchTimeout × [1, 2)), so that agents do not reconnect together.</summary>
    public static TimeSpan MinWatchTimeout { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The last <c>resourceVersion</c> seen (list, change or bookmark); null before the first list.</summary>
    public string? ResourceVersion { get; private set; }

    /// <summary>Lists and watches until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = InitialBackoff;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (ResourceVersion is null)
                {
                    ResourceVersion = await ListAsync(cancellationToken).ConfigureAwait(false);
                }

                await WatchAsync(ResourceVersion, cancellationToken).ConfigureAwait(false);
                backoff = InitialBackoff;
            }
            catch (KubeApiException error) when (error.StatusCode == HttpStatusCode.Gone)
            {
                ResourceVersion = null;
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested && error is KubeApiException or IOException or JsonException)
            {
                // A dropped stream (IOException) or a garbled line is retried as a refused request is.
                failed(error as KubeApiException ?? new KubeApiException($"watch of {path}: {error.Message}", null, error));
                try
                {
                    await Task.Delay(backoff, timeProvider, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
            }
            catch (KubeApiException) when (cancellationToken.IsCancellationRequested)
            {
                // A refusal that lands as the agent stops is not a failure to report: the stop wins.
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private string Query(params string[] parameters)
    {
        var all = fieldSelector is null ? parameters : ["fieldSelector=" + Uri.EscapeDataString(fieldSelector), .. parameters];
        return all.Length == 0 ? path : path + "?" + string.Join('&', all);
    }

    private Task<string> ListAsync(CancellationToken cancellationToken) =>
        client.GetAsync(
            Query(),
            ListPager.MaxPageBytesCeiling,
            async (body, token) =>
            {
                using var list = await JsonDocument.ParseAsync(body, default, token).ConfigureAwait(false);
                var items = list.RootElement.TryGetProperty("items", out var array) && array.ValueKind == JsonValueKind.Array
                    ? array.EnumerateArray().Select(i => i.Clone()).ToList()
                    : [];
                replace(items);
                return ResourceVersionOf(list.RootElement) ?? "";
            },
            cancellationToken);

    /// <summary>Follows one watch until the server ends it; a 410 <c>ERROR</c> event throws as a 410 answer would.</summary>
    private async Task WatchAsync(string resourceVersion, CancellationToken cancellationToken)
    {
        var seconds = (int)(MinWatchTimeout.TotalSeconds * (1 + Random.Shared.NextDouble()));
        var query = Query(
            "watch=true",
            "allowWatchBookmarks=true",
            "resourceVersion=" + Uri.EscapeDataString(resourceVersion),
            "timeoutSeconds=" + seconds.ToString(CultureInfo.InvariantCulture));
        await client.SendAsync(
            HttpMethod.Get,
            query,
            null,
            long.MaxValue, // bounded in time by timeoutSeconds; each string by KubeApiClient.MaxStringBytes
            async (body, token) =>
            {
                using var reader = new StreamReader(body);
                while (await reader.ReadLineAsync(token).ConfigureAwait(false) is { } line)
                {
                    if (line.Length > 0)
                    {
                        Handle(line, query);
                    }
                }

                return true;
            },
            TimeSpan.FromSeconds(seconds + 30),
            cancellationToken).ConfigureAwait(false);
    }

    private void Handle(string line, string query)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (!root.TryGetProperty("object", out var item) || item.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (type == "ERROR")
        {
            var code = item.TryGetProperty("code", out var c) && c.TryGetInt32(out var value) ? (HttpStatusCode)value : HttpStatusCode.InternalServerError;
            var message = item.TryGetProperty("message", out var m) ? m.GetString() : null;
            throw new KubeApiException($"GET {query}: watch ended with {(int)code}: {message}", code);
        }

        if (ResourceVersionOf(item) is { } version)
        {
            ResourceVersion = version;
        }

        switch (type)
        {
            case "ADDED" or "MODIFIED":
                upsert(item.Clone());
                break;
            case "DELETED":
                delete(item.Clone());
                break;
        }
    }

    private static string? ResourceVersionOf(JsonElement item) =>
        item.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("resourceVersion", out var version) ? version.GetString() : null;
}
