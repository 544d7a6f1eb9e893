using System.Net;
using System.Text.Json;
using Hostnet.Kube.Http;

namespace Hostnet.Kube.Listing;

/// <summary>
/// Lists a resource across the cluster page by page (<c>limit</c> + <c>continue</c>), handing each item over as its
/// page arrives, so no more than one page is held.
/// <para>
/// When a continue token has expired (410 Gone, "Expired"), client-go's tools/pager/pager.go falls back to one full,
/// unpaged list. hostnet restarts the paged list from the beginning instead, which keeps memory at one page, and skips
/// the items it already handed over (by namespace/name), so a restart never duplicates an object. The
/// "inconsistent continue" token a 410 may carry is not used: it would mix two versions of the list.
/// </para>
/// </summary>
public sealed class ListPager(KubeApiClient client, int pageSize = ListPager.DefaultPageSize)
{
    /// <summary>kubectl's <c>--chunk-size</c> default.</summary>
    public const int DefaultPageSize = 500;

    /// <summary>How many times one list may restart after expired tokens before giving up.</summary>
    public const int MaxRestarts = 3;

    /// <summary>256 MiB: 500 objects of 512 KiB, far above real pages (a few MiB), and a bound on hostnet's memory.</summary>
    public const long MaxPageBytesCeiling = 256L * 1024 * 1024;

    /// <summary>
    /// The most one page may hold, since a page is parsed whole: <c>limit</c> objects of at most
    /// <see cref="KubeApiClient.MaxStringBytes"/> each (the API server's request limit), and never more than
    /// <see cref="MaxPageBytesCeiling"/>.
    /// </summary>
    public long MaxPageBytes { get; } = Math.Min((long)pageSize * KubeApiClient.MaxStringBytes, MaxPageBytesCeiling);

    /// <summary>
    /// Lists <paramref name="resource"/>; <paramref name="onItem"/> gets every item (without <c>apiVersion</c>/<c>kind</c>,
    /// as list answers carry them only on the list), and <paramref name="onPage"/> the count so far after each page, with
    /// the server's <c>remainingItemCount</c> estimate when it sends one. Returns how many items were handed over.
    /// </summary>
    public async Task<int> ListAsync(ApiResource resource, Action<JsonElement> onItem, Action<ListProgress>? onPage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(onItem);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var restarts = 0;
        string? continueToken = null;
        var tokensSent = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var path = $"{resource.Path}?limit={pageSize}";
            if (continueToken is not null)
            {
                path += "&continue=" + Uri.EscapeDataString(continueToken);
            }

            JsonDocument page;
            try
            {
                page = await client.GetAsync(path, MaxPageBytes, (body, token) => JsonDocument.ParseAsync(body, default, token), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (KubeApiException error) when (error.StatusCode == HttpStatusCode.Gone && continueToken is not null && restarts < MaxRestarts)
            {
                restarts++;
                continueToken = null;
                tokensSent.Clear();
                continue;
            }

            using (page)
            {
                continueToken = null;
                long? remaining = null;
                var root = page.RootElement;
                if (root.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
                {
                    if (metadata.TryGetProperty("continue", out var next) && next.GetString() is { Length: > 0 } token)
                    {
                        continueToken = token;
                    }

                    if (metadata.TryGetProperty("remainingItemCount", out var count) && count.TryGetInt64(out var value))
                    {
                        remaining = value;
                    }
                }

                if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in items.EnumerateArray())
                    {
                        if (seen.Add(KeyOf(item)))
                        {
                            onItem(item);
                        }
                    }
                }

                onPage?.Invoke(new ListProgress(resource, seen.Count, remaining));
            }

            if (continueToken is null)
            {
                return seen.Count;
            }

            if (!tokensSent.Add(continueToken))
            {
                // The same token again would page forever.
                throw new KubeApiException(
                    $"GET {path}: the API server at {client.DisplayServer} answered with a continue token it had sent before; "
                    + "hostnet stopped paging instead of listing forever");
            }
        }
    }

    private static string KeyOf(JsonElement item)
    {
        if (!item.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
        {
            return "";
        }

        var ns = metadata.TryGetProperty("namespace", out var n) ? n.GetString() : null;
        var name = metadata.TryGetProperty("name", out var m) ? m.GetString() : null;
        return $"{ns}/{name}";
    }
}
