using System.Globalization;
using Hostnet.Kube.Listing;

namespace Hostnet.Cli.Output;

/// <summary>
/// One line on standard error, redrawn after each page: the resource, a bar when the server estimates the total
/// (<c>remainingItemCount</c>), and the count. Silent when standard error is not a terminal.
/// </summary>
internal sealed class ProgressBar(TextWriter error, bool enabled)
{
    private const int Width = 30;
    private bool _drawn;

    public void Report(ListProgress progress)
    {
        if (!enabled)
        {
            return;
        }

        var count = progress.Items.ToString("N0", CultureInfo.InvariantCulture);
        var line = $"fetching {progress.Resource,-24} {count}";
        if (progress.Remaining is { } remaining && remaining > 0)
        {
            var total = progress.Items + remaining;
            var filled = (int)(Width * progress.Items / total);
            line = $"fetching {progress.Resource,-24} [{new string('#', filled)}{new string('.', Width - filled)}] {count}/{total.ToString("N0", CultureInfo.InvariantCulture)}";
        }

        error.Write($"\r\u001b[K{line}");
        error.Flush();
        _drawn = true;
    }

    /// <summary>Clears the line before anything else is written.</summary>
    public void Clear()
    {
        if (_drawn)
        {
            error.Write("\r\u001b[K");
            _drawn = false;
        }
    }
}
