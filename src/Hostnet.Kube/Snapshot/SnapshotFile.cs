using System.Security.Cryptography;

namespace Hostnet.Kube.Snapshot;

/// <summary>
/// Writes <c>snapshot -o FILE</c> so that a failed run leaves no half snapshot and nobody can redirect the write: the
/// text goes to a temporary file with a random name in the target's folder (the rename stays on one file system),
/// created exclusively (<c>O_CREAT|O_EXCL</c>: a file or a symlink planted under that name makes it fail, never followed),
/// then renamed over the target.
/// </summary>
public static class SnapshotFile
{
    public static async Task<T> WriteAsync<T>(string path, Func<Stream, Task<T>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.partial");
        var file = new FileStream(temporary, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None });
        try
        {
            T result;
            await using (file.ConfigureAwait(false))
            {
                result = await write(file).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite: true);
            return result;
        }
        finally
        {
            // Ours (created above): gone after the rename, left behind by a failure.
            File.Delete(temporary);
        }
    }
}
