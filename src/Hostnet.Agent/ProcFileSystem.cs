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

    public string? ReadLink(string relative)
    {
        try
        {
            return new FileInfo(Path.Combine(Root, relative)).LinkTarget;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

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

    /// <summary>The link targets of a process's open files (<c>socket:[123]</c>, <c>/dev/null</c>, …); none when it cannot be read.</summary>
    public IEnumerable<string> FileDescriptorTargets(int pid)
    {
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(Path.Combine(Root, pid.ToString(CultureInfo.InvariantCulture), "fd")).ToList();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var entry in entries)
        {
            string? target;
            try
            {
                target = new FileInfo(entry).LinkTarget;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (target is not null)
            {
                yield return target;
            }
        }
    }
}
