using System.Globalization;

namespace Hostnet.Agent;

/// <summary>
/// Read-only access to a <c>/proc</c> tree: the real one, or a recorded copy (<c>--proc-root</c>) whose links are
/// symbolic links with the same targets. Files that vanish mid-scan (a process exits) read as absent.
/// </summary>
public sealed class ProcFileSystem(string root)
{
    public const string DefaultRoot = "/proc";

    public string Root { get; } = root;

    /// <summary>Whether this is the live <c>/proc</c> of the agent's own namespaces (netlink then sees the same sockets).</summary>
    public bool IsLive => Path.GetFullPath(Root) == DefaultRoot;

    public string? ReadText(string relative)
    {
        try
        {
            return File.ReadAllText(Path.Combine(Root, relative));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The target of a link, as bytes (<c>net:[4026531840]</c>); null when it cannot be read.</summary>
    public byte[]? ReadLink(string relative) => ProcLinks.ReadLink(Path.Combine(Root, relative));

    /// <summary>Whether a process's network namespace (<c>/proc/&lt;pid&gt;/ns/net</c>) is <paramref name="network"/>.</summary>
    public bool InNetworkNamespace(int pid, ReadOnlySpan<byte> network) =>
        ProcLinks.LinkEquals(Path.Combine(Root, pid.ToString(CultureInfo.InvariantCulture), "ns", "net"), network);

    /// <summary>The process IDs: the directories whose names are numbers.</summary>
    public IEnumerable<int> Pids()
    {
        foreach (var directory in Directory.EnumerateDirectories(Root))
        {
            if (int.TryParse(Path.GetFileName(directory.AsSpan()), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                yield return pid;
            }
        }
    }

    /// <summary>Adds the inodes of the sockets a process holds open (its <c>socket:[inode]</c> links) to <paramref name="inodes"/>.</summary>
    public void AddSocketInodes(int pid, List<ulong> inodes) =>
        ProcLinks.AddSocketInodes(Path.Combine(Root, pid.ToString(CultureInfo.InvariantCulture), "fd"), inodes);
}
