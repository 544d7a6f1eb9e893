using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Hostnet.Core.NodeState;
using Hostnet.Core.Runs;

namespace Hostnet.Agent;

/// <summary>
/// One scan of the node: its waiting sockets (netlink sock_diag on the live <c>/proc</c>, the <c>/proc/net</c> tables
/// otherwise or when the kernel refuses), then socket inode → processes through <c>/proc/&lt;pid&gt;/fd</c>, each with
/// its <c>comm</c>, command line and cgroup. Only processes in the node's network namespace (that of
/// <c>/proc/self/ns/net</c>) are searched: a process in a namespace of its own holds that namespace's sockets, never
/// the node's. Read-only: it opens files and reads links, and never signals or enters a process.
/// </summary>
public sealed class NodeScanner(ProcFileSystem proc)
{
    private static readonly string[] Protocols = ["TCP", "UDP"];

    /// <summary>Where the sockets were read from in the last scan, per protocol (<c>netlink</c> or <c>/proc/net</c>).</summary>
    public IReadOnlyDictionary<string, string> SocketSources => _sources;

    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);

    /// <summary>The node rules over one scan and the node's pods: what <c>--once</c> prints and the DaemonSet serves.</summary>
    public static NodeReport Analyze(NodeScan scan, NodePods pods, DateTimeOffset now, TimeSpan grace) =>
        NodeAnalyzer.Analyze(NodeView.Build(scan, pods, now, grace));

    public NodeScan Scan()
    {
        var sockets = new List<NodeSocket>();
        foreach (var protocol in Protocols)
        {
            sockets.AddRange(ReadSockets(protocol));
        }

        var holders = FindHolders(sockets);
        var listeners = new List<ScannedListener>(sockets.Count);
        foreach (var socket in sockets)
        {
            listeners.Add(new ScannedListener(socket, holders[socket.Inode] ?? (IReadOnlyList<NodeProcess>)[]));
        }

        return EphemeralRange() is var (from, to) ? new NodeScan(listeners, from, to) : new NodeScan(listeners);
    }

    /// <summary>The sockets of one protocol, from netlink when the live /proc is read, else from the /proc/net tables.</summary>
    public IReadOnlyList<NodeSocket> ReadSockets(string protocol)
    {
        if (proc.IsLive)
        {
            try
            {
                var sockets = SockDiag.List(protocol);
                _sources[protocol] = "netlink";
                return sockets;
            }
            catch (Exception error) when (error is Win32Exception or InvalidDataException)
            {
                // No udp_diag module, or netlink forbidden: the tables say the same, more slowly.
            }
        }

        _sources[protocol] = "/proc/net";
        return ReadTables(protocol);
    }

    /// <summary>The /proc/net tables of one protocol, IPv4 then IPv6 (a kernel without IPv6 has no *6 file).</summary>
    public IReadOnlyList<NodeSocket> ReadTables(string protocol)
    {
        var name = protocol.ToLowerInvariant();
        return [.. new[] { name, name + "6" }.SelectMany(table => proc.ReadText(Path.Combine("net", table)) is { } text ? ProcNetTable.Parse(text, protocol) : [])];
    }

    /// <summary>
    /// Socket inode → the processes holding it, in pid order: one pass over the processes of the node's network
    /// namespace, one dictionary lookup per open socket.
    /// </summary>
    private Dictionary<ulong, List<NodeProcess>?> FindHolders(List<NodeSocket> sockets)
    {
        var holders = new Dictionary<ulong, List<NodeProcess>?>(sockets.Count);
        foreach (var socket in sockets)
        {
            holders[socket.Inode] = null;
        }

        var hostNetwork = proc.ReadLink(Path.Combine("self", "ns", "net"));
        var inodes = new List<ulong>();
        foreach (var pid in proc.Pids().Order())
        {
            if (hostNetwork is not null && !proc.InNetworkNamespace(pid, hostNetwork))
            {
                continue;
            }

            inodes.Clear();
            proc.AddSocketInodes(pid, inodes);
            NodeProcess? process = null;
            foreach (var inode in inodes)
            {
                ref var list = ref CollectionsMarshal.GetValueRefOrNullRef(holders, inode);
                if (Unsafe.IsNullRef(ref list))
                {
                    continue;
                }

                process ??= ReadProcess(pid);
                list ??= [];
                // The same process may hold a socket twice (dup): it is named once.
                if (list.Count == 0 || !ReferenceEquals(list[^1], process))
                {
                    list.Add(process);
                }
            }
        }

        return holders;
    }

    private NodeProcess ReadProcess(int pid)
    {
        var directory = pid.ToString(CultureInfo.InvariantCulture);
        return new(
            pid,
            (proc.ReadText(Path.Combine(directory, "comm")) ?? string.Empty).TrimEnd('\n'),
            NodeProcess.JoinCommandLine(proc.ReadText(Path.Combine(directory, "cmdline")) ?? string.Empty),
            CgroupPaths.Parse(proc.ReadText(Path.Combine(directory, "cgroup")) ?? string.Empty));
    }

    /// <summary><c>net.ipv4.ip_local_port_range</c>, or null when it cannot be read (the scan then assumes the default).</summary>
    private (int From, int To)? EphemeralRange()
    {
        var text = proc.ReadText(Path.Combine("sys", "net", "ipv4", "ip_local_port_range"));
        var parts = text?.Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return parts is [var from, var to]
            && int.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && int.TryParse(to, NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            ? (first, last)
            : null;
    }
}
