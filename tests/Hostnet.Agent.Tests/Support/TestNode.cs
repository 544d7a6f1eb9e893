using System.Globalization;

namespace Hostnet.Agent.Tests.Support;

/// <summary>
/// What a test makes on this machine to stand for a node's workloads, all named with <see cref="Prefix"/> so that
/// leftovers can be found (<c>ip netns list | grep hostnet-test</c>, <c>find /sys/fs/cgroup -name 'hostnet-test-*'</c>),
/// and all removed on dispose, also when the test failed: processes (killed by their pid), network namespaces, and
/// cgroups named as the kubelet's cgroupfs driver names them.
/// </summary>
internal sealed class TestNode : IDisposable
{
    public const string Prefix = "hostnet-test-";

    /// <summary>The cgroup v1 hierarchy the pods' cgroups go in (every v1 controller shows in /proc/&lt;pid&gt;/cgroup).</summary>
    private const string Hierarchy = "/sys/fs/cgroup/pids";

    private readonly List<IDisposable> _processes = [];
    private readonly List<string> _namespaces = [];
    private readonly string _root;

    public TestNode()
    {
        Name = Prefix + Guid.NewGuid().ToString("N")[..8];
        _root = Path.Combine(Hierarchy, Name);
    }

    public string Name { get; }

    /// <summary>A node daemon: a process in the node's network namespace and in no pod.</summary>
    public ListenerProcess StartDaemon(params string[] sockets) => Track(new ListenerProcess(null, sockets));

    /// <summary>
    /// A host-network pod's container: a process in the node's network namespace, moved into
    /// <c>…/kubepods/besteffort/pod&lt;uid&gt;/&lt;containerId&gt;</c> (under this test's own cgroup, which the agent's
    /// parser looks through as it does through a kind node's).
    /// </summary>
    public ListenerProcess StartHostNetworkContainer(string podUid, string containerId, params string[] sockets)
    {
        var process = StartDaemon(sockets);
        var cgroup = Path.Combine(_root, "kubepods", "besteffort", "pod" + podUid, containerId);
        Directory.CreateDirectory(cgroup);
        File.WriteAllText(Path.Combine(cgroup, "cgroup.procs"), process.Pid.ToString(CultureInfo.InvariantCulture));
        return process;
    }

    /// <summary>A pod-network pod's container: a process in a network namespace of its own.</summary>
    public ListenerProcess StartPodNetworkContainer(params string[] sockets)
    {
        var name = $"{Name}-{_namespaces.Count}";
        Shell.Run("ip", "netns", "add", name);
        _namespaces.Add(name);
        Shell.Run("ip", "netns", "exec", name, "ip", "link", "set", "lo", "up");
        return Track(new ListenerProcess(name, sockets));
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        foreach (var name in _namespaces)
        {
            Shell.Run("ip", "netns", "delete", name);
        }

        // cgroups are removed leaf first, once their processes are gone.
        if (Directory.Exists(_root))
        {
            foreach (var directory in Directory.EnumerateDirectories(_root, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).Append(_root))
            {
                Directory.Delete(directory);
            }
        }
    }

    private ListenerProcess Track(ListenerProcess process)
    {
        _processes.Add(process);
        return process;
    }
}
