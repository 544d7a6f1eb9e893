using System.Text;

namespace Hostnet.Cli.Input;

/// <summary>
/// Rewrites a file so that readers see the old text or the new one, never a mix: the text goes to a temporary file in
/// the same folder (so the rename stays on one file system), which takes the old file's permissions and then replaces
/// it. A UTF-8 byte-order mark the old file had is kept.
/// </summary>
internal static class AtomicFile
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    public static void Replace(string path, string text)
    {
        var directory = Path.GetDirectoryName(path) ?? ".";
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.hostnet-tmp");
        try
        {
            var hadMark = StartsWithMark(path);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                if (hadMark)
                {
                    stream.Write(ByteOrderMark);
                }

                stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            }

            File.Move(temporary, path, overwrite: true);
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
