using System.Globalization;
using System.Runtime.InteropServices;

namespace Hostnet.Agent;

/// <summary>
/// Reads the links of <c>/proc</c> through libc into stack buffers, with no string per link: a node's processes hold
/// tens of thousands of open files, and the scan reads the target of every one (<c>ss -p</c> does the same in C). The
/// directory of a process's files is read with <c>readdir</c> and each entry with <c>readlinkat</c> relative to that
/// directory, so the kernel does not walk <c>/proc/&lt;pid&gt;/fd/</c> again for each file.
/// </summary>
internal static unsafe partial class ProcLinks
{
    /// <summary>Longer than any link the scan compares: <c>socket:[18446744073709551615]</c>, <c>net:[4026531840]</c>.</summary>
    private const int TargetCapacity = 64;

    /// <summary>Offset of <c>d_name</c> in <c>struct dirent</c> on 64-bit Linux (glibc and musl): ino, off, reclen, type.</summary>
    private const int DirentNameOffset = 19;

    private static ReadOnlySpan<byte> SocketPrefix => "socket:["u8;

    /// <summary>The target of a link (e.g. <c>net:[4026531840]</c>), or null when it cannot be read or is longer than 64 bytes.</summary>
    public static byte[]? ReadLink(string path)
    {
        var target = stackalloc byte[TargetCapacity];
        var length = ReadLinkBytes(path, target, TargetCapacity);
        return length is > 0 and < TargetCapacity ? new ReadOnlySpan<byte>(target, (int)length).ToArray() : null;
    }

    /// <summary>Whether the link at <paramref name="path"/> reads exactly <paramref name="expected"/>.</summary>
    public static bool LinkEquals(string path, ReadOnlySpan<byte> expected)
    {
        var target = stackalloc byte[TargetCapacity];
        var length = ReadLinkBytes(path, target, TargetCapacity);
        return length == expected.Length && new ReadOnlySpan<byte>(target, (int)length).SequenceEqual(expected);
    }

    /// <summary>
    /// Adds to <paramref name="inodes"/> the inode of each <c>socket:[inode]</c> link in <paramref name="directory"/> (a
    /// process's <c>fd</c>); nothing when it cannot be opened (the process exited, or its files are not ours to read).
    /// </summary>
    public static void AddSocketInodes(string directory, List<ulong> inodes)
    {
        var stream = OpenDirectory(directory);
        if (stream == 0)
        {
            return;
        }

        try
        {
            var descriptor = DirectoryDescriptor(stream);
            var target = stackalloc byte[TargetCapacity];
            for (var entry = ReadDirectory(stream); entry is not null; entry = ReadDirectory(stream))
            {
                var name = entry + DirentNameOffset;
                if (name[0] == (byte)'.')
                {
                    continue;
                }

                var length = ReadLinkAt(descriptor, name, target, TargetCapacity);
                if (length > 0 && SocketInode(new ReadOnlySpan<byte>(target, (int)length)) is { } inode)
                {
                    inodes.Add(inode);
                }
            }
        }
        finally
        {
            _ = CloseDirectory(stream);
        }
    }

    /// <summary><c>socket:[12345]</c> → 12345.</summary>
    private static ulong? SocketInode(ReadOnlySpan<byte> target) =>
        target.StartsWith(SocketPrefix) && target[^1] == (byte)']'
            && ulong.TryParse(target[SocketPrefix.Length..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var inode)
            ? inode
            : null;

    [LibraryImport("libc", EntryPoint = "readlink", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint ReadLinkBytes(string path, byte* buffer, nint size);

    [LibraryImport("libc", EntryPoint = "readlinkat")]
    private static partial nint ReadLinkAt(int directory, byte* path, byte* buffer, nint size);

    [LibraryImport("libc", EntryPoint = "opendir", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint OpenDirectory(string path);

    [LibraryImport("libc", EntryPoint = "dirfd")]
    private static partial int DirectoryDescriptor(nint stream);

    [LibraryImport("libc", EntryPoint = "readdir")]
    private static partial byte* ReadDirectory(nint stream);

    [LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int CloseDirectory(nint stream);
}
