using System.Globalization;
using System.Text;

namespace Hostnet.Cli.Input;

/// <summary>
/// Rewrites a file so that readers see the old text or the new one, never a mix: the text goes to a temporary file
/// created exclusively in the same folder (so the rename stays on one file system; see <see cref="FixLeftovers"/>),
/// which takes the old file's owner, group and mode, is flushed to disk and then renamed over it. A UTF-8 byte-order
/// mark the old file had is kept. A symbolic link is written through: its final target is rewritten and the link stays
/// a link, as editors do. A file with several hard links is refused, since a rename would split them and writing in
/// place could leave a torn file; so is a read-only file, unless forced.
/// </summary>
internal static class AtomicFile
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private const UnixFileMode WriteBits = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>The file a write to <paramref name="path"/> changes: the final target of a symbolic link, else the path itself.</summary>
    public static string Target(string path) => File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;

    /// <summary>
    /// Replaces the text of <paramref name="path"/> (after <see cref="Target"/>); null when done, else why it was not
    /// written (the file is then unchanged).
    /// </summary>
    public static string? Replace(string path, string text, bool force)
    {
        try
        {
            return ReplaceTarget(Target(path), text, force);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return $"cannot write: {error.Message}";
        }
    }

    private static string? ReplaceTarget(string path, string text, bool force)
    {
        var status = UnixFileStatus.Of(path);
        if (status is { Links: > 1 })
        {
            return $"not written: the file has {status.Links} hard links, and replacing it would leave the other names with the old text; fix one name on its own (hostnet fix FILE > COPY) and copy the result over it";
        }

        var mode = OperatingSystem.IsWindows() ? (UnixFileMode?)null : File.GetUnixFileMode(path);
        if (mode is { } readOnly && (readOnly & WriteBits) == 0 && !force)
        {
            return $"not written: the file is read-only (mode {Convert.ToString((int)readOnly, 8).PadLeft(4, '0')}); --force writes it anyway, keeping the mode";
        }

        var temporary = FixLeftovers.NewName(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            // Held open (and locked) until after the rename, so a concurrent run never takes it for a leftover.
            using var stream = new FileStream(temporary, options);
            if (StartsWithMark(path))
            {
                stream.Write(ByteOrderMark);
            }

            stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
            if (status?.GiveOwnership(stream.SafeFileHandle) is { } refused)
            {
                return $"not written: cannot keep its owner and group ({status.UserId.ToString(CultureInfo.InvariantCulture)}:{status.GroupId.ToString(CultureInfo.InvariantCulture)}): {refused}";
            }

            if (mode is { } kept && !OperatingSystem.IsWindows())
            {
                // After the owner: chown clears the set-user-ID and set-group-ID bits.
                File.SetUnixFileMode(stream.SafeFileHandle, kept);
            }

            stream.Flush(flushToDisk: true);
            File.Move(temporary, path, overwrite: true);
            return null;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static bool StartsWithMark(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> start = stackalloc byte[3];
        return stream.ReadAtLeast(start, 3, throwOnEndOfStream: false) == 3 && start.SequenceEqual(ByteOrderMark);
    }
}
