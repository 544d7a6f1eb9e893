using System.Diagnostics;
using Hostnet.Webhook.Hosting;
using Shouldly;
using Xunit;

namespace Hostnet.Webhook.Tests;

/// <summary>
/// The file watcher alone (the poll set to an hour, so it cannot be what notices), which looks only at the watched files'
/// names and at Kubernetes' volume entries: a change to a watched file, in place or by the swap that updates a Secret
/// volume, is still noticed at once.
/// </summary>
public sealed class FileChangeMonitorTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly string _folder = Directory.CreateTempSubdirectory("hostnet-monitor-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task WatchedFile_WrittenInPlace_IsNoticedByTheWatcher()
    {
        var file = Path.Combine(_folder, "tls.crt");
        await File.WriteAllTextAsync(file, "first");
        var changes = 0;
        using var monitor = new FileChangeMonitor([file], TimeSpan.FromHours(1), TimeProvider.System, () => Interlocked.Increment(ref changes));

        await File.WriteAllTextAsync(file, "second");

        (await Eventually(() => Volatile.Read(ref changes) == 1)).ShouldBeTrue();
    }

    [Fact]
    public async Task SecretVolume_SwappedToNewFiles_IsNoticedByTheWatcher()
    {
        // What the kubelet's atomic writer does: the files are links into ..data, itself a link to a timestamped
        // folder; an update writes a new folder, links ..data_tmp to it and renames that over ..data.
        Directory.CreateDirectory(Path.Combine(_folder, "..2026_12_06_00_00_00.1"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "..2026_12_06_00_00_00.1", "tls.crt"), "first");
        File.CreateSymbolicLink(Path.Combine(_folder, "..data"), "..2026_12_06_00_00_00.1");
        var file = Path.Combine(_folder, "tls.crt");
        File.CreateSymbolicLink(file, Path.Combine("..data", "tls.crt"));
        var changes = 0;
        using var monitor = new FileChangeMonitor([file], TimeSpan.FromHours(1), TimeProvider.System, () => Interlocked.Increment(ref changes));

        Directory.CreateDirectory(Path.Combine(_folder, "..2026_12_06_01_00_00.2"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "..2026_12_06_01_00_00.2", "tls.crt"), "second");
        File.CreateSymbolicLink(Path.Combine(_folder, "..data_tmp"), "..2026_12_06_01_00_00.2");
        // rename(2) of the link over the link (.NET's moves follow a link to a folder and will not replace one).
        using (var rename = Process.Start("mv", ["-T", Path.Combine(_folder, "..data_tmp"), Path.Combine(_folder, "..data")]))
        {
            await rename.WaitForExitAsync();
            rename.ExitCode.ShouldBe(0);
        }

        (await File.ReadAllTextAsync(file)).ShouldBe("second");
        (await Eventually(() => Volatile.Read(ref changes) == 1)).ShouldBeTrue();
    }

    private static async Task<bool> Eventually(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Patience)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }
}
