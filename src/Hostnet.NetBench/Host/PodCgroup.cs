using System.Globalization;

namespace Hostnet.NetBench.Host;

/// <summary>
/// A cgroup laid out as the kubelet's cgroupfs driver lays out a BestEffort pod's
/// (<c>kubepods/besteffort/pod&lt;uid&gt;</c>, here under <c>hostnet-bench-&lt;pid&gt;-kubepods</c>), in every hierarchy
/// the kubelet uses: the v2 tree, or the v1 cpu, cpuacct, memory and pids hierarchies. The host-network server runs
/// in it, as a host-network pod's process does, and its CPU time is read the way cAdvisor reads a pod's.
/// </summary>
internal sealed class PodCgroup : IDisposable
{
    private const string Root = "/sys/fs/cgroup";
    private static readonly string[] V1Controllers = ["cpu", "cpuacct", "memory", "pids"];

    private readonly List<string> _topDirectories;
    private readonly List<string> _podDirectories;

    private PodCgroup(List<string> topDirectories, List<string> podDirectories)
    {
        _topDirectories = topDirectories;
        _podDirectories = podDirectories;
    }

    public IReadOnlyList<string> Directories => _podDirectories;

    /// <summary>The hierarchies' root directories (one on cgroup v2, one per controller on v1).</summary>
    public static IReadOnlyList<string> Hierarchies()
    {
        if (File.Exists(Path.Combine(Root, "cgroup.controllers")))
        {
            return [Root];
        }

        return [.. V1Controllers
            .Select(c => Path.Combine(Root, c))
            .Where(d => File.Exists(Path.Combine(d, "cgroup.procs")))
            .DistinctBy(d => new DirectoryInfo(d).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? d)];
    }

    public static PodCgroup Create(string topName)
    {
        var podName = "pod" + Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture);
        var tops = new List<string>();
        var pods = new List<string>();
        foreach (var hierarchy in Hierarchies())
        {
            var top = Path.Combine(hierarchy, topName);
            var pod = Path.Combine(top, "besteffort", podName);
            Directory.CreateDirectory(pod);
            tops.Add(top);
            pods.Add(pod);
        }

        return new PodCgroup(tops, pods);
    }

    public void Add(int pid)
    {
        foreach (var directory in _podDirectories)
        {
            File.WriteAllText(Path.Combine(directory, "cgroup.procs"), pid.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Whether the process is a member (by /proc/&lt;pid&gt;/cgroup).</summary>
    public bool Contains(int pid)
    {
        var name = Path.GetFileName(_podDirectories[0]);
        return File.ReadAllText($"/proc/{pid}/cgroup").Contains("/besteffort/" + name, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var top in _topDirectories)
        {
            RemoveTree(top);
        }
    }

    /// <summary>Kills what still runs in a cgroup subtree and removes its directories, deepest first.</summary>
    public static void RemoveTree(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var child in Directory.GetDirectories(directory))
        {
            RemoveTree(child);
        }

        for (var attempt = 0; ; attempt++)
        {
            foreach (var line in File.ReadAllLines(Path.Combine(directory, "cgroup.procs")))
            {
                ProcessKiller.Kill(int.Parse(line, CultureInfo.InvariantCulture));
            }

            try
            {
                Directory.Delete(directory);
                return;
            }
            catch (IOException) when (attempt < 50)
            {
                // A killed process leaves the cgroup only once it has exited; rmdir fails with EBUSY until then.
                Thread.Sleep(20);
            }
        }
    }
}
