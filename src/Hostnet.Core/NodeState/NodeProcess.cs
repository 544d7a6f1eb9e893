namespace Hostnet.Core.NodeState;

/// <summary>A process that holds a waiting socket, as <c>/proc/&lt;pid&gt;</c> shows it.</summary>
/// <param name="Pid">The process ID in the node's PID namespace.</param>
/// <param name="Comm">The kernel's name of the task (<c>/proc/&lt;pid&gt;/comm</c>, at most 15 characters).</param>
/// <param name="CommandLine">The arguments (<c>/proc/&lt;pid&gt;/cmdline</c>) joined by spaces.</param>
/// <param name="Cgroup">The pod and container its cgroup names.</param>
public sealed record NodeProcess(int Pid, string Comm, string CommandLine, CgroupIdentity Cgroup)
{
    /// <summary>
    /// The program's name: the file name of the first argument (<c>/usr/bin/node_exporter</c> → <c>node_exporter</c>;
    /// sshd's retitled <c>sshd: /usr/sbin/sshd -D [listener]</c> → <c>sshd</c>), since <c>comm</c> cuts names at 15
    /// characters (<c>kube-controller</c>); <c>comm</c> when there are no arguments (kernel threads, zombies).
    /// Read from spans: a node agent asks it for each of thousands of sockets, and command lines run to kilobytes
    /// (kubelet's flags), which splitting would copy each time.
    /// </summary>
    public string Name
    {
        get
        {
            var line = CommandLine.AsSpan();
            var first = (line.IndexOf(' ') is var space and >= 0 ? line[..space] : line).TrimEnd(':');
            var name = first[(first.LastIndexOf('/') + 1)..];
            return name.Length > 0 ? name.ToString() : Comm;
        }
    }

    /// <summary>Joins the NUL-separated arguments of <c>/proc/&lt;pid&gt;/cmdline</c> with spaces.</summary>
    public static string JoinCommandLine(string cmdline)
    {
        ArgumentNullException.ThrowIfNull(cmdline);
        return cmdline.TrimEnd('\0').Replace('\0', ' ');
    }
}
