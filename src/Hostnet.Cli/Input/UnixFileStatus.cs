using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Hostnet.Cli.Input;

/// <summary>
/// What .NET does not tell about a file on Linux: its owner, group and number of hard links, read with
/// <c>statx(2)</c> (its struct has one layout on every architecture, unlike <c>struct stat</c>).
/// </summary>
/// <param name="Links">How many names (hard links) the file has.</param>
/// <param name="UserId">The owner's uid.</param>
/// <param name="GroupId">The group's gid.</param>
internal sealed partial record UnixFileStatus(uint Links, uint UserId, uint GroupId)
{
    private const int CurrentDirectory = -100;
    private const uint BasicStats = 0x7ff;
    private const int StatxSize = 256;

    /// <summary>The status of the file <paramref name="path"/> names (links followed); null on Windows.</summary>
    public static UnixFileStatus? Of(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var buffer = new byte[StatxSize];
        if (Statx(CurrentDirectory, path, 0, BasicStats, buffer) != 0)
        {
            throw new IOException(Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));
        }

        // struct statx: u32 mask, u32 blksize, u64 attributes, u32 nlink, u32 uid, u32 gid, …
        return new UnixFileStatus(BitConverter.ToUInt32(buffer, 16), BitConverter.ToUInt32(buffer, 20), BitConverter.ToUInt32(buffer, 24));
    }

    /// <summary>Gives the open file this status's owner and group; null when done, else why not (<c>fchown(2)</c>'s error).</summary>
    public string? GiveOwnership(SafeFileHandle file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Fchown((int)file.DangerousGetHandle(), UserId, GroupId) == 0 ? null : Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);

    [LibraryImport("libc", EntryPoint = "fchown", SetLastError = true)]
    private static partial int Fchown(int descriptor, uint owner, uint group);
}
