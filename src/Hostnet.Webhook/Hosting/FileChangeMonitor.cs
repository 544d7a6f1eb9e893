using System.Security.Cryptography;

namespace Hostnet.Webhook.Hosting;

/// <summary>
/// Calls back when the content of some files changes. A <see cref="FileSystemWatcher"/> on their folders answers
/// at once; a poll catches what watchers miss (network file systems, exhausted inotify watches). Content is compared
/// rather than times, so the symlink swap of a Kubernetes Secret or ConfigMap volume counts as a change.
/// </summary>
internal sealed class FileChangeMonitor : IDisposable
{
    /// <summary>The names Kubernetes gives the entries of a Secret or ConfigMap volume that it swaps on an update.</summary>
    private const string VolumeEntries = "..*";

    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(100);

    private readonly string[] _paths;
    private readonly Action _changed;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly ITimer _poll;
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private byte[] _fingerprint;

    public FileChangeMonitor(IReadOnlyList<string> paths, TimeSpan pollInterval, TimeProvider time, Action changed)
    {
        _paths = [.. paths.Select(Path.GetFullPath)];
        _changed = changed;
        _time = time;
        _fingerprint = Fingerprint();
        foreach (var folder in _paths.Select(p => Path.GetDirectoryName(p)!).Distinct(StringComparer.Ordinal).Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = false };
            // Only the files' own names, and the entries whose swap replaces a Secret's or ConfigMap's files at once
            // (..data, ..data_tmp, ..2026_12_06_…): a busy file beside them (a log written there) must not make every
            // write read and hash the watched files again.
            foreach (var path in _paths.Where(p => string.Equals(Path.GetDirectoryName(p), folder, StringComparison.Ordinal)))
            {
                watcher.Filters.Add(Path.GetFileName(path));
            }

            watcher.Filters.Add(VolumeEntries);
            watcher.Changed += (_, _) => Settle();
            watcher.Created += (_, _) => Settle();
            watcher.Deleted += (_, _) => Settle();
            watcher.Renamed += (_, _) => Settle();
            try
            {
                watcher.EnableRaisingEvents = true;
                _watchers.Add(watcher);
            }
            catch (IOException)
            {
                // Out of inotify watches: the poll still notices.
                watcher.Dispose();
            }
        }

        _poll = time.CreateTimer(_ => Check(), null, pollInterval, pollInterval);
    }

    /// <summary>A writer usually makes several events (truncate, write, close): look once they have settled.</summary>
    private void Settle() => _ = Task.Delay(SettleTime, _time).ContinueWith(_ => Check(), TaskScheduler.Default);

    /// <summary>Compares the files with what was last seen, and calls back once per change.</summary>
    public void Check()
    {
        lock (_lock)
        {
            var now = Fingerprint();
            if (now.AsSpan().SequenceEqual(_fingerprint))
            {
                return;
            }

            _fingerprint = now;
            _changed();
        }
    }

    public void Dispose()
    {
        _poll.Dispose();
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
    }

    private byte[] Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in _paths)
        {
            try
            {
                hash.AppendData(File.ReadAllBytes(path));
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // A missing or unreadable file is a state of its own; the reload that follows says why.
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(error.GetType().Name));
            }

            hash.AppendData([0]);
        }

        return hash.GetHashAndReset();
    }
}
